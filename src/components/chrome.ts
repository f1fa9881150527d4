// The site's header (navigation) and footer, rendered at build time by the Framework config.
import type {NavSection} from "../navigation.js";
import type {DataAsOf} from "../../lib/io/data-as-of.js";
import type {Audience} from "../../lib/publish/audience.js";

const ESCAPES: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Site navigation grouped by audience (the current page marked with aria-current), then the banners every page
 * must carry: synthetic sample data, and the internal build's restricted-data warning.
 */
export function siteHeader(sections: NavSection[], currentPath: string, {audience, asOf}: {audience: Audience; asOf: DataAsOf}): string {
  const current = currentPath.replace(/\.html$/, "").replace(/\/$/, "/index");
  const groups = sections.map((section) => {
    const links = section.pages
      .map((page) => {
        const here = page.path === current ? ` aria-current="page"` : "";
        return `<li><a href="${escapeHtml(page.path)}"${here}>${escapeHtml(page.name)}</a></li>`;
      })
      .join("");
    return `<li class="nav-group"><span class="nav-audience">${escapeHtml(section.audience)}</span><ul>${links}</ul></li>`;
  });
  const nav = `<nav class="site-nav" aria-label="Site"><a class="site-title" href="/index">Mobile X-ray Safety</a><ul class="nav-groups">${groups.join("")}</ul></nav>`;
  const banners = [
    audience === "internal"
      ? `<p class="internal-banner"><strong>Internal build.</strong> This copy contains restricted data (dosimeter wearers, operators, notes, restricted locations). Do not publish it.</p>`
      : "",
    asOf.synthetic
      ? `<p class="sample-banner"><strong>Sample data.</strong> The figures on this page come from synthetic sample data made by a documented generator, not from measurements of a real device.</p>`
      : ""
  ];
  return nav + banners.join("");
}

/** Footer: whose data this is (dataset.json), when it was last updated (the newest reading), and what it covers. */
export function siteFooter(asOf: DataAsOf): string {
  const whose = `${escapeHtml(asOf.programme)} (${escapeHtml(asOf.agency)}; ${escapeHtml(asOf.jurisdiction)}).`;
  const when = asOf.newest
    ? `Data last updated <time datetime="${escapeHtml(asOf.newest)}">${escapeHtml(asOf.newest.slice(0, 10))}</time> (newest ${escapeHtml(asOf.newestKind ?? "record")}).`
    : "No field readings have been loaded yet.";
  const sample = asOf.synthetic
    ? " The data shipped with this site is <strong>synthetic sample data</strong>, not measurements."
    : "";
  return `<p>${whose} ${when}${sample} Every number on this site cites its source; see the method and data pages.</p>`;
}
