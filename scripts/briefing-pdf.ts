// Render the council briefing page of a built site to PDF with Chromium, in A4 and US Letter.
//
//   npm run briefing:pdf                 # from dist/ (run `npm run build` first)
//   npm run briefing:pdf -- dist-internal
//
// Writes <dist>/council/briefing-a4.pdf and <dist>/council/briefing-letter.pdf. The page's print stylesheet does the
// layout (no navigation, charts sized for paper); this script only waits for the page to finish rendering.
//
// The PDF is read away from the site, so its links point to where the site is published (dataset.json `site_url`,
// as built into the site's publication), never to the local server that rendered it; with no site_url the PDF has
// no links to the site (the text stays).
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {launchBrowser} from "./site/chromium.js";
import {serveStatic} from "./site/static-server.js";

const PAGE = "/council/briefing.html";
const FORMATS = [
  {format: "A4", file: "briefing-a4.pdf"},
  {format: "Letter", file: "briefing-letter.pdf"}
] as const;

/** Pages in a PDF written by Chromium: the page tree's /Count. */
function pdfPageCount(pdf: Buffer): number {
  const counts = [...pdf.toString("latin1").matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  return counts.length > 0 ? Math.max(...counts) : 0;
}

/** The published site's address from the built briefing page's own data (null when it has none). */
export function builtSiteUrl(dist: string): string | null {
  const folder = join(dist, "_file", "data", "pages");
  const file = readdirSync(folder).find((name) => /^council-briefing\.[0-9a-f]+\.json$/.test(name));
  if (!file) throw new Error(`${folder} holds no council-briefing.json: build the site first (npm run build).`);
  return (JSON.parse(readFileSync(join(folder, file), "utf8")) as {site_url: string | null}).site_url;
}

async function main(dist: string): Promise<number> {
  if (!existsSync(join(dist, PAGE))) {
    console.error(`${join(dist, PAGE)} does not exist: build the site first (npm run build).`);
    return 1;
  }
  const siteUrl = builtSiteUrl(dist);
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.origin + PAGE, {waitUntil: "networkidle"});
    await page.waitForTimeout(300);
    const shown = await page.locator(".observablehq--error").count();
    if (errors.length > 0 || shown > 0) {
      console.error(`The briefing page has errors; no PDF written:\n${errors.join("\n")}`);
      return 1;
    }
    // Links to the site point to where it is published; other links stay as they are.
    await page.evaluate(({origin, siteUrl}) => {
      for (const a of Array.from(document.querySelectorAll("a[href]"))) {
        const url = new URL(a.getAttribute("href")!, document.baseURI);
        if (url.origin !== origin) continue;
        if (siteUrl === null) a.removeAttribute("href");
        else a.setAttribute("href", new URL(url.pathname.replace(/^\//, "") + url.search + url.hash, siteUrl).href);
      }
    }, {origin: server.origin, siteUrl});
    await page.emulateMedia({media: "print"});
    let failed = false;
    for (const {format, file} of FORMATS) {
      const path = join(dist, "council", file);
      const pdf = await page.pdf({path, format, printBackground: true, margin: {top: "10mm", bottom: "10mm", left: "12mm", right: "12mm"}});
      const pages = pdfPageCount(pdf);
      console.log(`wrote ${path} (${pages} page${pages === 1 ? "" : "s"})`);
      if (pages !== 1) {
        console.error(`The briefing must fit one ${format} page and runs to ${pages}: shorten it or tighten the print stylesheet.`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv[2] ?? "dist");
