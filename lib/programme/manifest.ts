// dataset.json: the manifest of a data folder. It says whose data this is (programme, agency, jurisdiction), which
// limits of limits.json apply to the programme (verdicts are given for those only), whether the data is synthetic
// (the sample banner), what it is, and where the public site is published (absolute links in the briefing PDF).
// Read like the other JSON registries: every mistake is a Problem naming the JSON path and what to write.
import type {Problem} from "../io/problems.js";
import {FieldReader} from "../compliance/json-fields.js";

export const MANIFEST_FILE = "dataset.json";

export interface DatasetManifest {
  /** The programme the data is from, e.g. "Mobile X-ray van programme". */
  programme: string;
  /** Who runs it, e.g. "City police department". */
  agency: string;
  /** Where it operates, whose law applies, e.g. "Washington State, USA". */
  jurisdiction: string;
  /** Ids of the limits in limits.json that apply to the programme, in the order given. */
  limits: string[];
  /** True for the synthetic sample: every page then says so. */
  synthetic: boolean;
  description: string;
  /** Absolute URL of the published public site, ending in "/"; null when it is not published yet. */
  site_url: string | null;
}

/** What `xray-dose init` writes where a value is still to be given; a manifest still holding it is refused. */
export const PLACEHOLDER = "EDIT ME";

const FIELDS = ["programme", "agency", "jurisdiction", "limits", "synthetic", "description", "site_url"] as const;

const WHAT: Record<(typeof FIELDS)[number], string> = {
  programme: "the programme's name, e.g. \"Mobile X-ray van programme\"",
  agency: "who runs the programme, e.g. \"City police department\"",
  jurisdiction: "where the programme operates, e.g. \"Washington State, USA\"",
  limits: "the ids of the limits in limits.json that apply, e.g. [\"L5\", \"L6\"]",
  synthetic: "true for synthetic sample data, false for real measurements",
  description: "one or two sentences saying what the data is",
  site_url: "the address the public site is published at, e.g. \"https://example.org/xray/\", or null"
};

/** The message for a data folder without dataset.json. */
export function missingManifestMessage(): string {
  return `is missing: every data folder needs a ${MANIFEST_FILE} saying which programme the data is from, who runs it, ` +
    `where, which limits apply and whether the data is synthetic (docs/data-formats.md, "The data folder"). ` +
    `Make a new folder with "xray-dose init DIR", or copy data/${MANIFEST_FILE} and edit it`;
}

/**
 * Read dataset.json. `limitIds` are the ids defined in limits.json (null when it could not be read: the ids are then
 * not checked against it). Returns null with errors when the manifest cannot be used.
 */
export function parseManifest(text: string, file: string, limitIds: readonly string[] | null): {manifest: DatasetManifest | null; problems: Problem[]} {
  const r = new FieldReader(file);
  const value = r.parse(text);
  if (r.problems.length > 0) return {manifest: null, problems: r.problems};
  const root = r.object(value, "$");
  if (!root) return {manifest: null, problems: r.problems};
  for (const key of Object.keys(root)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      r.problems.push({severity: "warning", code: "unknown-property", file, column: `$.${key}`, message: `is not a field of ${MANIFEST_FILE} and is ignored (a typo?); the fields are ${FIELDS.join(", ")}`});
    }
  }
  const text_ = (key: "programme" | "agency" | "jurisdiction" | "description"): string | undefined => {
    const value = root[key] === undefined ? r.error(`$.${key}`, `is missing; write ${WHAT[key]}`) : r.string(root[key], `$.${key}`);
    if (value !== undefined && value.trim().startsWith(PLACEHOLDER)) return r.error(`$.${key}`, `still holds the placeholder "${value}"; write ${WHAT[key]}`);
    return value?.trim();
  };
  const programme = text_("programme");
  const agency = text_("agency");
  const jurisdiction = text_("jurisdiction");
  const description = text_("description");

  let synthetic: boolean | undefined;
  if (typeof root.synthetic === "boolean") synthetic = root.synthetic;
  else r.error("$.synthetic", `must be true or false (${WHAT.synthetic}), found ${JSON.stringify(root.synthetic) ?? "nothing (the field is missing)"}`);

  let limits: string[] | undefined;
  const list = root.limits === undefined ? r.error("$.limits", `is missing; write ${WHAT.limits}`) : r.array(root.limits, "$.limits");
  if (list) {
    const ids: string[] = [];
    list.forEach((value, i) => {
      const id = r.string(value, `$.limits[${i}]`);
      if (id === undefined) return;
      if (ids.includes(id)) r.error(`$.limits[${i}]`, `"${id}" is listed twice; list each limit once`);
      else if (limitIds !== null && !limitIds.includes(id)) r.error(`$.limits[${i}]`, `"${id}" is not a limit in limits.json; the limits there are ${limitIds.join(", ")}`);
      else ids.push(id);
    });
    if (list.length === 0) r.error("$.limits", `is empty: with no limits no verdict can be given; write ${WHAT.limits}`);
    limits = ids;
  }

  let site_url: string | null | undefined = null;
  if (root.site_url === undefined) r.error("$.site_url", `is missing; write ${WHAT.site_url}`);
  else if (root.site_url !== null) site_url = readSiteUrl(r, root.site_url);

  if (programme === undefined || agency === undefined || jurisdiction === undefined || description === undefined || synthetic === undefined || limits === undefined || site_url === undefined || r.problems.some((p) => p.severity === "error")) {
    return {manifest: null, problems: r.problems};
  }
  return {manifest: {programme, agency, jurisdiction, limits, synthetic, description, site_url}, problems: r.problems};
}

function readSiteUrl(r: FieldReader, value: unknown): string | undefined {
  const text = r.string(value, "$.site_url");
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return r.error("$.site_url", `"${text}" is not an absolute address; write ${WHAT.site_url}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return r.error("$.site_url", `"${text}" is not a web address (http or https); write ${WHAT.site_url}`);
  if (url.search || url.hash) return r.error("$.site_url", `"${text}" has a query or fragment; write the address of the site's home folder, e.g. "https://example.org/xray/"`);
  return withSlash(url.href);
}

const withSlash = (href: string) => (href.endsWith("/") ? href : `${href}/`);

/** A site address as the manifest keeps it (ending in "/"), or the text unchanged when it is not an address. */
export function normaliseSiteUrl(text: string): string {
  try {
    return withSlash(new URL(text).href);
  } catch {
    return text;
  }
}
