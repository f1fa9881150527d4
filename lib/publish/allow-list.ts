// What the public build may publish: an allow-list of fields, per downloadable table and for the publication JSON the
// pages read. Everything not on it is internal, so a field added to a row, a reading or the publication stays out of
// the public site until someone decides it is public (docs/restricted-data.md says why each restricted field is). The
// internal build publishes everything. test/publish/allow-list.test.ts fails when the publication carries a field
// that is on neither list below, so that every new field is classified, not published by default.
import type {Publication} from "./types.js";
import type {Cell, Table} from "./table-files.js";

/** `prefix.name` for each name: the fields of one record type. */
const under = (prefix: string, names: readonly string[]) => names.map((name) => `${prefix}.${name}`);

/**
 * Public fields of the publication JSON, as paths: `$.key`, `[]` for every element of an array. A listed path is public
 * with everything below it (`$.code`, a model's parameters by name, a covariance matrix); its parents are kept as far as
 * they lead to it.
 */
export const PUBLIC_PUBLICATION_FIELDS: readonly string[] = [
  "$.audience", "$.data_as_of", "$.synthetic", "$.dataset_description", "$.code",
  // The programme (dataset.json): who runs it, where, the site's address; the day statuses are judged on.
  "$.programme", "$.agency", "$.jurisdiction", "$.site_url", "$.status_on",
  // Sentences of the published policy the pages quote, and the note on what the claims check could read.
  "$.policy_quotes", "$.claims_note",
  ...under("$.tables[]", ["name", "title", "description", "rows", "needing_review"]),
  ...under("$.files[]", ["path", "kind", "sha256", "rows", "first", "last", "warnings"]),
  // Validation messages quote file, line, column and the wrong value; validators never quote a restricted field.
  ...under("$.problems[]", ["severity", "file", "line", "column", "message", "kind"]),
  // How many problems there are in all (the publication lists the first; the problems table holds every one).
  ...under("$.problem_count", ["total", "warnings", "files"]),
  ...under("$.devices[]", [
    "device_id", "readings", "censored", "flagged", "rate_meter", "first_at", "last_at", "model", "distance_range_m", "deployments",
    "certificate", "effective_energy_keV", "effective_energy_assumed", "excluded"
  ]),
  // A device's fits and 5 ft / 10 ft figures with every reading, beside the published ones without the excluded readings.
  "$.devices[].without_exclusions",
  ...under("$.devices[].policy_points[]", ["label", "distance_m", "duration_s", "dose_uSv", "lower95_uSv", "upper95_uSv", "extrapolated"]),
  ...under("$.devices[].exclusion[]", ["limit_id", "label", "distance_m", "extrapolated", "reason"]),
  // The readings a figure rests on (ids and file:line are published in the readings table too).
  ...under("$.devices[].policy_points[].rests_on[]", ["reading_id", "source", "without"]),
  ...under("$.devices[].exclusion[].rests_on[]", ["reading_id", "source", "without"]),
  ...under("$.scenarios[].verdicts[].hinges_on[]", ["reading_id", "source", "verdict_without"]),
  ...under("$.influence", ["method"]),
  ...under("$.influence.devices[]", ["device_id", "screened", "checked", "not_checked"]),
  ...under("$.influence.readings[]", ["device_id", "reading_id", "source", "leverage", "cooks_distance"]),
  ...under("$.influence.readings[].effects[]", ["figure_id", "figure", "unit", "value", "without", "uncertainty", "verdict", "verdict_without"]),
  ...under("$.fits[]", [
    "device_id", "sector", "model", "converged", "reason", "n", "n_censored", "covariance", "chi_square", "dof",
    "reduced_chi_square", "aic", "aic_weight", "selected", "n_flagged"
  ]),
  ...under("$.fits[].parameters[]", ["name", "value", "stderr", "unit"]),
  // The uncertainty budget of each fit (its parts, the instruments' shares: instrument serials, never badges).
  "$.fits[].budget",
  ...under("$.fits[].curve[]", ["distance_m", "rate_uSv_per_h", "lower95_uSv_per_h", "upper95_uSv_per_h"]),
  ...under("$.scenarios[]", ["id", "device_id", "title", "description", "assumptions", "dose_uSv", "upper95_uSv"]),
  ...under("$.scenarios[].verdicts[]", ["limit_id", "limit_label", "limit_uSv", "period", "kind", "verdict", "margin", "alara", "explanation"]),
  ...under("$.claims[]", ["id", "section", "quote", "check", "verdict", "explanation"]),
  ...under("$.limits[]", [
    "id", "label", "body", "document", "clause", "protects", "quantity", "value", "unit", "value_uSv", "period", "kind",
    "grade", "source", "sources", "note"
  ]),
  ...under("$.everyday[]", ["id", "label", "dose_uSv", "source", "sources", "grade", "note"]),
  ...under("$.certificates[]", ["device_id", "serial", "device_model", "certificate_date", "next_due", "laboratory", "status", "effective_energy_keV", "source"]),
  // instrument_id is an instrument's serial, never a badge (publishInstruments says "not stated" rather than fall back).
  ...under("$.instruments[]", ["instrument_id", "instrument_type", "calibrated_on", "readings", "readings_out_of_calibration", "status"]),
  ...under("$.deployments", ["deployments", "vehicles", "beam_on_h", "first", "last", "min_cordon_m"]),
  ...under("$.deployments.by_year[]", ["year", "deployments", "vehicles", "beam_on_h"]),
  ...under("$.deployments.by_device[]", ["device_id", "deployments", "vehicles", "beam_on_h"]),
  ...under("$.deployments.by_event_type[]", ["location_type", "deployments", "vehicles", "beam_on_h"]),
  ...under("$.policy_figures[]", ["label", "quote", "distance_m", "duration_s", "dose_uSv"]),
  ...under("$.policy", ["path", "version", "previous", "changes"]),
  // The exclusions since the previous briefing: counts and reasons, never who.
  ...under("$.briefing", ["previous_as_of", "questions", "exclusions"]),
  // Readings set aside by reviews: which, why, when and the review's line; who decided is internal (below).
  ...under("$.reviews.excluded[]", ["reading_id", "device_id", "reason", "reviewed_on", "review", "source"]),
  ...under("$.reviews", ["by_reason", "notes"]),
  // Warnings by kind: counts, devices, files and lines, and one message as written (validators quote no restricted field).
  "$.warning_groups",
  // Dose to date: the periods, the ALARA levels and the operators' and cordon's totals per device; per dosimeter is internal.
  ...under("$.period_totals", ["as_of", "periods", "levels", "levels_note", "worker_limit", "public_limit", "dosimeter_summary", "not_counted", "devices"]),
  // Each device's output at 1 m per period against its control limits.
  "$.constancy",
  ...under("$.briefing.key_figures[]", ["id", "label", "value", "unit"]),
  ...under("$.briefing.changes[]", ["id", "label", "previous", "current", "unit"]),
  ...under("$.fields[]", ["device_id", "model", "parameters", "parameterNames", "covariance", "mu_per_m", "minDistance_m", "buildup", "uncertainty"]),
  ...under("$.fields[].sectors[]", ["centre_deg", "width_deg"]),
  ...under("$.fields[].sectors[].field", ["model", "parameters", "parameterNames", "covariance", "mu_per_m", "minDistance_m", "buildup", "uncertainty"])
];

/**
 * Fields of the publication that only the internal build carries. Listed so that every field the publication can
 * carry is classified one way or the other (the test). Who reviewed a reading names a person; a dosimeter's totals
 * name its badge, which identifies its wearer (docs/restricted-data.md).
 */
export const INTERNAL_PUBLICATION_FIELDS: readonly string[] = ["$.reviews.excluded[].reviewed_by", "$.period_totals.dosimeters"];

/**
 * Public columns of each downloadable table. A table not named here is not published at all; a column not listed is
 * internal. Restricted columns (docs/restricted-data.md): the readings' dosimeter_id and notes, the deployments'
 * operators and notes, and any column a file adds that the format does not define, are not listed.
 */
const PUBLIC_READING_COLUMNS = [
  "reading_id", "device_id", "measured_at", "distance_m", "angle_deg", "sector", "rate_uSv_per_h", "sigma_uSv_per_h",
  "censored", "normalised_residual", "flagged", "instrument_type", "instrument_id", "source",
  // The reading as recorded and its one status; status_detail quotes the review's reason (public) and warnings.
  "gross_uSv", "background_uSv", "net_uSv", "status", "status_detail"
] as const;

export const PUBLIC_TABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  readings: PUBLIC_READING_COLUMNS,
  // The readings the models page lists, as the readings table has them.
  "flagged-readings": PUBLIC_READING_COLUMNS,
  // Aggregates of the published readings per distance: nothing a reading's restricted fields could leak into.
  "reading-groups": [
    "device_id", "sector", "distance_m", "readings", "censored", "mean_rate_uSv_per_h", "spread_uSv_per_h", "min_rate_uSv_per_h",
    "max_rate_uSv_per_h", "sigma_of_mean_uSv_per_h", "mdl_rate_uSv_per_h", "predicted_uSv_per_h", "normalised"
  ],
  "excluded-readings": ["reading_id", "device_id", "reason", "reviewed_on", "review", "source"],
  // The public build's period totals hold the devices' operator and cordon rows only (no dosimeter rows are made there).
  "period-totals": ["who", "id", "period", "from", "to", "readings_or_deployments", "dose_uSv", "upper95_uSv", "alara_level", "alara_status", "threshold_uSv"],
  "output-constancy": ["device_id", "kind", "label", "from", "to", "n", "output_uSv_per_h", "sigma_uSv_per_h", "pooled_uSv_per_h", "z", "beyond", "out_of_control"],
  fits: [
    "device_id", "sector", "model", "selected", "converged", "reason", "n", "n_censored", "parameters", "chi_square", "dof",
    "reduced_chi_square", "aic", "aic_weight", "n_flagged"
  ],
  "policy-points": ["device_id", "label", "distance_m", "duration_s", "dose_uSv", "lower95_uSv", "upper95_uSv", "extrapolated", "rests_on"],
  exclusion: ["device_id", "limit_id", "label", "distance_m", "extrapolated", "reason", "rests_on"],
  verdicts: ["device_id", "scenario_id", "scenario", "dose_uSv", "upper95_uSv", "limit_id", "limit_uSv", "period", "kind", "verdict", "margin", "alara", "explanation"],
  claims: ["id", "section", "quote", "check", "verdict", "explanation"],
  limits: ["id", "label", "body", "document", "clause", "protects", "quantity", "value", "unit", "value_uSv", "period", "kind", "grade", "source", "sources", "note"],
  "everyday-doses": ["id", "label", "dose_uSv", "source", "sources", "grade", "note"],
  // location: published only where the log does not mark it restricted (a value rule, applied in tables.ts).
  deployments: ["deployment_id", "device_id", "start", "end", "event", "location_type", "location", "vehicles_scanned", "beam_on_h", "scan_speed_km_per_h", "cordon_m"],
  certificates: ["device_id", "device_model", "certificate_date", "next_due", "laboratory", "status", "effective_energy_keV", "source"],
  instruments: ["instrument_id", "instrument_type", "calibrated_on", "readings", "readings_out_of_calibration"],
  "input-files": ["path", "kind", "sha256", "rows", "first", "last", "warnings"],
  problems: ["severity", "file", "line", "column", "message", "kind"]
};

/** Columns only the internal build's tables carry (docs/restricted-data.md); with the list above, every column is classified. */
export const INTERNAL_TABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  readings: ["dosimeter_id", "notes"],
  "excluded-readings": ["reviewed_by"],
  "flagged-readings": ["dosimeter_id", "notes"],
  deployments: ["operators", "notes"]
};

const PUBLIC = new Set(PUBLIC_PUBLICATION_FIELDS);
/** Every path that leads to a public one ("$.devices", "$.devices[]", "$.devices[].policy_points", …). */
const LEADS_TO_PUBLIC = new Set(PUBLIC_PUBLICATION_FIELDS.flatMap((path) => {
  const parents: string[] = [];
  for (let k = 1; k < path.length; k++) if (path[k] === "." || path.startsWith("[]", k)) parents.push(path.slice(0, k));
  return parents;
}));

function keepPublic(value: unknown, path: string): unknown {
  if (PUBLIC.has(path)) return value;
  if (Array.isArray(value)) return value.map((x) => keepPublic(x, `${path}[]`));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const p = `${path}.${key}`;
      if (PUBLIC.has(p) || LEADS_TO_PUBLIC.has(p)) out[key] = keepPublic(child, p);
    }
    return out;
  }
  // A parent of public fields that is empty here (a policy of null): it says nothing.
  return value === null ? null : undefined;
}

/** The publication cut to its public fields. */
export function publicPublication(p: Publication): Publication {
  return keepPublic(p, "$") as Publication;
}

/** The tables cut to their public columns; tables not on the list are left out. */
export function publicTables(tables: readonly Table[]): Table[] {
  return tables.flatMap((t) => {
    const allowed = PUBLIC_TABLE_COLUMNS[t.name];
    if (!allowed) return [];
    const keep = new Set(allowed);
    const rows = t.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => keep.has(k))) as Record<string, Cell>);
    return [{...t, columns: t.columns.filter((c) => keep.has(c.name)), rows}];
  });
}

/** Paths of `value` (leaves, or listed subtrees) on neither list: fields nobody has classified. */
export function unclassifiedFields(value: unknown, path = "$"): string[] {
  if (PUBLIC.has(path) || INTERNAL_PUBLICATION_FIELDS.includes(path)) return [];
  if (Array.isArray(value)) return [...new Set(value.flatMap((x) => unclassifiedFields(x, `${path}[]`)))];
  if (value !== null && typeof value === "object") return [...new Set(Object.entries(value).flatMap(([k, v]) => unclassifiedFields(v, `${path}.${k}`)))];
  return value === null && LEADS_TO_PUBLIC.has(path) ? [] : [path];
}
