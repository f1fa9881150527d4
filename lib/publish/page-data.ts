// What each page loads: the part of the publication it shows, and nothing else, so a phone downloads a few kilobytes
// for the public page rather than the whole publication (src/data/pages/[page].json.ts writes these). The analysis
// itself runs once per build (src/data/publish-from-disk.ts caches it); this only cuts it into pages.
import type {Cell} from "./table-files.js";
import type {PublishResult} from "./publication.js";
import type {Publication, PublishedDevice, PublishedProblem} from "./types.js";

/**
 * Readings the models page receives one by one at most (about 3 MB of JSON): beyond it the page draws the readings
 * grouped by distance and lists only those that need review; every reading is in the readings download.
 */
export const MAX_PAGE_READINGS = 10_000;

/**
 * Readings needing review the models page lists at most when it cannot hold them all (about 100 kB compressed, a
 * phone's worth); it says how many there are, and every one is in the readings download.
 */
export const MAX_REVIEW_READINGS = 2_000;

/** The statuses that need the RSO's eye, most important first: set aside by a review, beyond 3σ, warned. */
const REVIEW_ORDER: Readonly<Record<string, number>> = {excluded: 0, flagged: 1, warned: 2};

export function needsReview(row: Record<string, unknown>): boolean {
  return Object.hasOwn(REVIEW_ORDER, String(row.status));
}

/** The readings needing review, excluded first, then flagged, then warned (each kind in file order), the first `max`. */
export function readingsForReview<T extends Record<string, unknown>>(rows: readonly T[], max = MAX_REVIEW_READINGS): T[] {
  // Array.prototype.sort is stable: within a status the readings keep their order.
  return rows.filter(needsReview).sort((a, b) => REVIEW_ORDER[String(a.status)]! - REVIEW_ORDER[String(b.status)]!).slice(0, max);
}

/**
 * The readings the pages can be given: every one up to `max`, else those needing review (readingsForReview). The build
 * keeps only these beside the publication (src/data/publish-from-disk.ts): the whole readings table is written once as
 * CSV and Parquet.
 */
export function readingsForPages<T extends Record<string, unknown>>(rows: readonly T[], max = MAX_PAGE_READINGS): T[] {
  return rows.length <= max ? [...rows] : readingsForReview(rows);
}

/** Rows of one warning kind a page lists at most (every warning is in the problems download). */
export const MAX_WARNING_ROWS_PER_KIND = 1000;

/** A device as most pages need it: without the comparison fits only the models page draws. */
const device = ({without_exclusions, ...d}: PublishedDevice) => d;

/** The warnings as the Data quality page lists them: each with its kind and the device of its reading. */
function warningRows(p: Publication, deviceAt: ReadonlyMap<string, string>) {
  const perKind = new Map<string, number>();
  const rows: (Pick<PublishedProblem, "kind" | "file" | "line" | "column" | "message"> & {device_id: string | null})[] = [];
  for (const w of p.problems) {
    if (w.severity !== "warning") continue;
    const n = perKind.get(w.kind) ?? 0;
    perKind.set(w.kind, n + 1);
    if (n >= MAX_WARNING_ROWS_PER_KIND) continue;
    rows.push({kind: w.kind, file: w.file, line: w.line, column: w.column, message: w.message, device_id: deviceAt.get(`${w.file}:${w.line}`) ?? null});
  }
  return rows;
}

export const PAGE_IDS = [
  "overview", "public-index", "public-method", "public-limits", "rso-quality", "rso-fits", "rso-compliance", "explore-field", "explore-checkpoint",
  "explore-imaging", "council-briefing", "downloads"
] as const;
export type PageId = (typeof PAGE_IDS)[number];

export function pageData(
  page: string | undefined, {publication: p, tables}: PublishResult, {maxPageReadings = MAX_PAGE_READINGS, maxReviewReadings = MAX_REVIEW_READINGS} = {}
): unknown {
  // The readings the build kept for the pages (readingsForPages), and how many there are in all.
  const readings = tables.find((t) => t.name === "readings")?.rows ?? [];
  const entry = p.tables.find((t) => t.name === "readings");
  const readingsTotal = entry?.rows ?? readings.length;
  switch (page as PageId) {
    case "overview":
      return {
        programme: p.programme, agency: p.agency, jurisdiction: p.jurisdiction, devices: p.devices.map((d) => d.device_id),
        bodies: [...new Set(p.limits.map((l) => l.body))], policy_distances: p.policy_figures.map((f) => f.label.replace(/ for .*/, ""))
      };
    case "public-index":
      return {
        agency: p.agency, devices: p.devices.map(device), policy_figures: p.policy_figures, everyday: p.everyday, limits: p.limits,
        deployments: p.deployments, claims: p.claims, claims_note: p.claims_note,
        // How many readings were set aside and why, never who.
        excluded: {readings: p.reviews.excluded.length, by_reason: p.reviews.by_reason}
      };
    case "public-method":
      return {synthetic: p.synthetic, devices: p.devices.map((d) => ({device_id: d.device_id, effective_energy_keV: d.effective_energy_keV, effective_energy_assumed: d.effective_energy_assumed}))};
    case "public-limits":
      return {limits: p.limits, everyday: p.everyday};
    case "rso-quality": {
      const deviceAt = new Map(readings.map((r) => [String(r.source), String(r.device_id)]));
      return {
        status_on: p.status_on, devices: p.devices.map(device), certificates: p.certificates, instruments: p.instruments,
        warning_groups: p.warning_groups, warnings: warningRows(p, deviceAt), max_rows_per_kind: MAX_WARNING_ROWS_PER_KIND,
        constancy: p.constancy, reviews: p.reviews, influence: p.influence
      };
    }
    case "rso-fits": {
      // Every reading while a phone can hold them; past that, the readings by distance (what the chart draws) and the
      // readings that need the RSO's eye (excluded, flagged, warned), the rest in the readings download.
      const complete = readingsTotal <= maxPageReadings && readings.length === readingsTotal;
      const listed = complete ? readings : readingsForReview(readings, maxReviewReadings);
      return {
        devices: p.devices, fits: p.fits, fields: p.fields, reviews: p.reviews,
        readings: listed.map((r): Record<string, Cell> => r), readings_total: readingsTotal, readings_complete: complete,
        readings_needing_review: entry?.needing_review ?? readings.filter(needsReview).length,
        groups: complete ? null : (tables.find((t) => t.name === "reading-groups")?.rows ?? [])
      };
    }
    case "rso-compliance":
      return {devices: p.devices.map(device), limits: p.limits, scenarios: p.scenarios, period_totals: p.period_totals, status_on: p.status_on};
    case "explore-field":
      return {fields: p.fields, limits: p.limits, policy_figures: p.policy_figures};
    case "explore-checkpoint":
      return {fields: p.fields, everyday: p.everyday};
    case "explore-imaging":
      return {policy_quotes: p.policy_quotes};
    case "council-briefing":
      return {
        programme: p.programme, site_url: p.site_url, synthetic: p.synthetic, status_on: p.status_on, data_as_of: p.data_as_of, code: p.code, files: p.files.length,
        briefing: p.briefing, scenarios: p.scenarios, deployments: p.deployments, claims: p.claims, claims_note: p.claims_note, policy: p.policy
      };
    case "downloads":
      return {
        synthetic: p.synthetic, status_on: p.status_on, data_as_of: p.data_as_of, dataset_description: p.dataset_description, code: p.code,
        files: p.files, tables: p.tables
      };
    default:
      throw new Error(`no page data "${page}"; the pages are ${PAGE_IDS.join(", ")}`);
  }
}
