// What the data loaders publish and the pages read: plain JSON, every number in the unit its field name says.
// This is the one contract between the Node pipeline (lib/, loaders) and the browser (src/ pages), so pages never
// depend on the internals of the fitting or compliance code.
import type {Audience} from "./audience.js";
import type {CodeVersion} from "../io/code-version.js";
import type {DoseFieldModel} from "../field/formulas.js";
import type {ClaimVerdict} from "../compliance/policy-claims.js";
import type {PolicyDiff} from "../compliance/policy-diff.js";
import type {InfluentialReading} from "./influence.js";
import type {ConstancyPoint} from "../models/constancy.js";

export interface PublishedFile {
  /** Path relative to the project root, e.g. "data/readings/ZBV-0417-2025.csv". */
  path: string;
  kind: "readings" | "certificate" | "deployments" | "limits" | "everyday-doses" | "policy" | "manifest" | "reviews";
  sha256: string;
  /** Data rows (CSV) or records (JSON); null for documents. */
  rows: number | null;
  /** Earliest and latest date in the file (ISO 8601 as written), when it has dates. */
  first: string | null;
  last: string | null;
  warnings: number;
}

export interface PublishedProblem {
  severity: "error" | "warning";
  file: string;
  line: number | null;
  column: string | null;
  message: string;
  /** What kind of problem (Problem.code, or the message with its numbers and quoted values taken out): how the pages group them. */
  kind: string;
}

export interface PublishedParameter {
  name: string;
  value: number;
  stderr: number | null;
  unit: string;
}

export interface CurvePoint {
  distance_m: number;
  rate_uSv_per_h: number;
  lower95_uSv_per_h: number;
  upper95_uSv_per_h: number;
}

export interface PublishedFit {
  device_id: string;
  /** Angle sector label ("0°", "45°", …) or null for all angles together. */
  sector: string | null;
  model: string;
  converged: boolean;
  /** Why the fit is unusable, when it is. */
  reason: string | null;
  n: number;
  n_censored: number;
  parameters: PublishedParameter[];
  covariance: number[][];
  chi_square: number | null;
  dof: number;
  reduced_chi_square: number | null;
  aic: number | null;
  /** Akaike weight among the models fitted to the same data (0–1). */
  aic_weight: number | null;
  /** The model the site uses for this device's figures. */
  selected: boolean;
  n_flagged: number;
  curve: CurvePoint[];
  /** The uncertainty budget of the fit's upper bound at the policy's 5 ft, for one occasion; null when not converged. */
  budget: PublishedBudget | null;
}

export interface PublishedBudget {
  distance_m: number;
  /** Each component: its relative standard uncertainty (sd of ln rate, k = 1) and share of the variance. */
  components: {label: string; type: "A" | "B"; relative: number; share: number}[];
  /** Welch–Satterthwaite degrees of freedom (null: infinitely many) and the one-sided 95 % quantile. */
  effective_dof: number | null;
  coverage_factor: number;
  /** The instruments behind the type B component. */
  instruments: {id: string | null; readings: number; calibration: number | null; energy_response: number | null; relative: number; share: number; defaulted: string[]}[];
}

/** A fitted point for charts: one reading's net dose rate and how the selected model fits it. */
export interface PublishedPoint {
  reading_id: string;
  device_id: string;
  /** Restricted in the public build (a badge can identify its wearer): null there. */
  dosimeter_id: string | null;
  measured_at: string;
  distance_m: number;
  angle_deg: number | null;
  /** The angle sector the reading was fitted in ("0°", "45°", …), or null without an angle. */
  sector: string | null;
  rate_uSv_per_h: number;
  sigma_uSv_per_h: number;
  censored: boolean;
  normalised_residual: number | null;
  flagged: boolean;
  instrument_type: string | null;
  instrument_id: string | null;
  source: string;
  /** Restricted (free text): the reading's notes in the internal build, null in the public one. */
  notes: string | null;
  /** The reading as recorded, as a dose equivalent (µSv; air kerma and exposure converted as for the fit): gross, background (null when not stated) and net = gross − background. */
  gross_uSv: number;
  background_uSv: number | null;
  net_uSv: number;
  /**
   * One status: excluded (by a review, which `status_detail` quotes), flagged (beyond 3σ of its model), censored (below
   * the detection limit), warned (a validation warning at its line, quoted), or accepted.
   */
  status: ReadingStatus;
  status_detail: string | null;
}

export type ReadingStatus = "accepted" | "censored" | "flagged" | "excluded" | "warned";

/** A reading set aside by a review (reviews.csv): kept in the data and the tables, left out of every fit. */
export interface PublishedExcludedReading {
  reading_id: string;
  device_id: string;
  reason: string;
  reviewed_on: string;
  /** Who decided: restricted, null in the public build. */
  reviewed_by: string | null;
  /** The review's line, "FILE:LINE". */
  review: string;
  /** The reading's line, "FILE:LINE". */
  source: string;
}

export interface PublishedReviews {
  excluded: PublishedExcludedReading[];
  /** How many readings were excluded and why, grouped by reason (never who): what the public pages say. */
  by_reason: {reason: string; readings: number; devices: string[]}[];
  /** Notes on readings (action "note"); they change nothing. */
  notes: number;
}

/** What a device's figures would be without the reviews' exclusions (all its readings fitted): for the RSO's comparison. */
export interface WithoutExclusions {
  /** Readings the reviews exclude. */
  excluded: number;
  /** The selected fit of each group (all angles, each sector) with every reading. */
  fits: PublishedFit[];
  policy_points: DoseAt[];
}

/** Validation warnings of one kind: one line on the Data quality page, opening to its rows. */
export interface WarningGroup {
  kind: string;
  /** A short name for the kind. */
  title: string;
  count: number;
  /** Devices the warnings concern (the reading at their line, or a device named in the message). */
  devices: string[];
  /** Per file: how many, and the first and last line. */
  files: {file: string; count: number; first_line: number | null; last_line: number | null}[];
  /** One message of the group, as written. */
  example: string;
}

/** A total over a period, with the ALARA level it reaches. */
export interface PublishedLevel {
  level: string | null;
  status: "reached" | "possibly reached" | null;
  threshold_uSv: number | null;
}

export interface PublishedDosimeterTotal extends PublishedLevel {
  period: string;
  readings: number;
  censored: number;
  dose_uSv: number;
}

export interface PublishedEstimateTotal extends PublishedLevel {
  period: string;
  deployments: number;
  beam_on_h: number;
  dose_uSv: number | null;
  lower95_uSv: number | null;
  upper95_uSv: number | null;
  /** Why the dose cannot be determined (no usable model). */
  reason: string | null;
}

export interface PublishedPeriodTotals {
  /** The build's day: "to date" is as of it. */
  as_of: string;
  periods: {id: string; label: string; from: string; to: string; annual_fraction: number}[];
  levels: {id: string; fraction: number; action: string}[];
  /** The ALARA levels are the programme's own (data/limits.json alara.program_specific), with its note. */
  levels_note: string;
  /** The annual limits the levels are fractions of: for a dosimeter's wearer and an operator (workers), and the public at the cordon. */
  worker_limit: {limit_id: string; value_uSv: number} | null;
  public_limit: {limit_id: string; value_uSv: number} | null;
  /** Per dosimeter: internal build only (a dosimeter identifies its wearer); null in the public build. */
  dosimeters: {dosimeter_id: string; device_ids: string[]; totals: PublishedDosimeterTotal[]}[] | null;
  /** What the public build says of the dosimeters: per period, how many had readings and how many reached each level. */
  dosimeter_summary: {period: string; dosimeters: number; reached: {level: string; dosimeters: number}[]}[];
  /** Readings left out of the dosimeter totals: excluded by a review, or with no dosimeter id. */
  not_counted: {excluded: number; no_dosimeter: number};
  devices: {device_id: string; operator: PublishedEstimateTotal[]; cordon: PublishedEstimateTotal[]}[];
}

/** A period's output as published: the model's point (lib/models/constancy.ts) without the fit's internals. */
export type PublishedConstancyPoint = Omit<ConstancyPoint, "ratio" | "first">;

/** A device's output at 1 m on the beam side, per quarter and per calibration period, against the pooled estimate. */
export interface PublishedConstancy {
  device_id: string;
  /** The group and model the chart uses ("0° sector, inverse-square-air"), or null when there is no chart. */
  basis: string | null;
  reference_distance_m: number;
  pooled_uSv_per_h: number | null;
  /** max(1, χ²/dof) of the pooled fit over the readings charted, applied to every period's uncertainty. */
  scale: number | null;
  /** Readings above detection left out of the chart: flagged beyond 3σ of the pooled fit (each listed for review). */
  left_out: number;
  points: PublishedConstancyPoint[];
  /** Why there is no chart. */
  reason: string | null;
}

/**
 * The readings of one device (all angles, or one angle sector) at one distance, as the models page draws them: where,
 * how many, their weighted mean rate and spread, and how the group's selected model sees them (lib/models/grouped.ts).
 */
export interface PublishedGroup {
  device_id: string;
  /** Angle sector label ("0°", …), or null for all angles together. */
  sector: string | null;
  /** The readings' distance (their weighted mean when they differ by less than the bin width). */
  distance_m: number;
  /** Readings above detection, in the mean. */
  readings: number;
  /** Readings below detection at this distance. */
  censored: number;
  mean_rate_uSv_per_h: number | null;
  /** Weighted standard deviation of the readings about their mean. */
  spread_uSv_per_h: number | null;
  min_rate_uSv_per_h: number | null;
  max_rate_uSv_per_h: number | null;
  /** 1-sigma uncertainty of the mean from the readings' stated uncertainties. */
  sigma_of_mean_uSv_per_h: number | null;
  /** The highest detection limit (as a rate) of the readings below detection here; null when none. */
  mdl_rate_uSv_per_h: number | null;
  /** The selected model's rate at this distance; null without a selected model. */
  predicted_uSv_per_h: number | null;
  /** (mean − predicted) / (σ of the mean, widened as the fit's errors are). */
  normalised: number | null;
}

export interface DoseAt {
  label: string;
  distance_m: number;
  duration_s: number;
  dose_uSv: number;
  lower95_uSv: number;
  upper95_uSv: number;
  /** Outside the distances the device was measured at: the figure rests on the model's fall-off with distance. */
  extrapolated: boolean;
  /** Readings whose removal alone moves the upper bound by more than its own uncertainty (lib/publish/influence.ts). */
  rests_on?: RestsOn[];
}

/** A reading a published figure rests on, and the figure without it (null: it could not be determined). */
export interface RestsOn {
  reading_id: string;
  /** file:line */
  source: string;
  without: number | null;
}

export interface PublishedVerdict {
  limit_id: string;
  limit_label: string;
  /** Null when the standard's number is not publicly available. */
  limit_uSv: number | null;
  period: string;
  kind: string;
  verdict: "within" | "exceeds" | "cannot-be-determined" | "below-reference" | "above-reference";
  /** limit ÷ upper bound: how many times the conservative dose fits under the limit. */
  margin: number | null;
  alara: string | null;
  explanation: string;
  /** Readings whose removal alone changes this verdict, with the verdict without them. */
  hinges_on?: {reading_id: string; source: string; verdict_without: string | null}[];
}

export interface PublishedScenario {
  id: string;
  device_id: string;
  title: string;
  description: string;
  assumptions: string[];
  dose_uSv: number | null;
  upper95_uSv: number | null;
  verdicts: PublishedVerdict[];
}

export interface PublishedClaim {
  id: string;
  quote: string;
  section: string;
  /** What was checked about the quote (one quote can be checked several ways). */
  check: string;
  verdict: ClaimVerdict;
  explanation: string;
}

/** Which policy text the claims are of, and what changed since the version before it (when the data folder holds one). */
export interface PublishedPolicy {
  path: string;
  /** The date in its file name; null for a single undated file. */
  version: string | null;
  previous: {path: string; version: string | null} | null;
  changes: PolicyDiff | null;
}

export interface PublishedExclusion {
  limit_id: string;
  /** e.g. "20 µSv in any one hour". */
  label: string;
  /** Smallest distance at which the 95 % upper bound meets the limit; null when it cannot be determined. */
  distance_m: number | null;
  /** Outside the distances the device was measured at: the distance rests on the model's fall-off with distance. */
  extrapolated: boolean;
  reason: string | null;
  /** Readings whose removal alone moves the distance by more than its own uncertainty. */
  rests_on?: RestsOn[];
}

export interface PublishedCertificate {
  device_id: string;
  serial: string;
  device_model: string;
  certificate_date: string;
  next_due: string;
  laboratory: string;
  /** "current" or "lapsed" on the build's day (status_on; a lapsed certificate is a warning); "superseded" by a newer one. */
  status: "current" | "lapsed" | "superseded";
  effective_energy_keV: number | null;
  source: string;
}

export interface PublishedInstrument {
  instrument_id: string;
  instrument_type: string | null;
  calibrated_on: string | null;
  readings: number;
  /** Readings taken more than 12 months after the instrument's calibration. */
  readings_out_of_calibration: number;
  /** Whether its newest stated calibration is within 12 months on the build's day (status_on). */
  status: "current" | "lapsed" | "not stated";
}

export interface PublishedDevice {
  device_id: string;
  readings: number;
  censored: number;
  flagged: number;
  rate_meter: number;
  first_at: string | null;
  last_at: string | null;
  /** The selected model, or null when no model could be fitted. */
  model: string | null;
  /** The shortest and longest distance of its readings (m); null without readings. */
  distance_range_m: [number, number] | null;
  /** Rows of the deployment log for the device. */
  deployments: number;
  /** Its newest certificate's status on the build's day, or "missing" when it has none. */
  certificate: "current" | "lapsed" | "missing";
  /** The effective energy its models use (keV), and whether it is the product's assumption (no certificate states one). */
  effective_energy_keV: number;
  effective_energy_assumed: boolean;
  /** The policy's 5 ft and 10 ft for 10 s figures, recomputed from this device's field data. */
  policy_points: DoseAt[];
  exclusion: PublishedExclusion[];
  /** Readings the reviews exclude from its fits (counted in `readings`). */
  excluded: number;
  /** Its figures with every reading fitted; null when no reading of it is excluded. */
  without_exclusions: WithoutExclusions | null;
}

export interface PublishedLimit {
  id: string;
  label: string;
  body: string;
  document: string;
  clause: string;
  protects: string;
  quantity: string;
  /** As the source states it, with its unit; null when the standard's number is not publicly available. */
  value: number | null;
  unit: string | null;
  value_uSv: number | null;
  period: string;
  kind: string;
  grade: string;
  source: string;
  /** The ids of the sources in the project's bibliography (docs/sources.md), comma-separated; "" when none applies. */
  sources: string;
  note: string | null;
}

export interface PublishedEverydayDose {
  id: string;
  label: string;
  dose_uSv: number;
  source: string;
  /** As for limits: bibliography ids, comma-separated; "" when no source was found. */
  sources: string;
  grade: string;
  note: string | null;
}

export interface DeploymentTotals {
  deployments: number;
  vehicles: number;
  beam_on_h: number;
}

export interface PublishedDeployments extends DeploymentTotals {
  first: string | null;
  last: string | null;
  by_year: (DeploymentTotals & {year: number})[];
  by_device: (DeploymentTotals & {device_id: string})[];
  by_event_type: (DeploymentTotals & {location_type: string})[];
  /** Closest a member of the public could stand, over all deployments (m). */
  min_cordon_m: number | null;
}

/** A point where doses are reported, or one of the policy's own figures read from its text (then `quote` is exact). */
export interface PolicyFigure {
  label: string;
  quote: string;
  distance_m: number;
  duration_s: number;
  dose_uSv: number;
}

/** A figure the council briefing tracks from one briefing to the next. */
export interface KeyFigure {
  id: string;
  label: string;
  value: number | null;
  unit: string;
}

export interface BriefingChange {
  id: string;
  label: string;
  unit: string;
  previous: number | null;
  current: number | null;
}

/** How the readings set aside by reviews changed since the previous briefing (reasons only: never who). */
export interface ExclusionChanges {
  /** Readings excluded now, and at the previous briefing (null without one). */
  current: number;
  previous: number | null;
  /** Excluded since, grouped by reason; and put back since. */
  added: {reason: string; readings: number}[];
  removed: number;
}

export interface Briefing {
  /** Data-as-of of the previous briefing's snapshot (the same inputs cut at that date), or null without one. */
  previous_as_of: string | null;
  exclusions: ExclusionChanges;
  key_figures: KeyFigure[];
  changes: BriefingChange[];
  /** Questions that follow from the findings, for the council to put to the department. */
  questions: string[];
}

/** A downloadable table as listed on the Data page (the rows are in its own file). */
export interface TableEntry {
  name: string;
  title: string;
  description: string;
  rows: number;
  /** The readings table only: how many of its readings need review (excluded, flagged or warned). */
  needing_review?: number;
}

export interface PublishedInfluence {
  readings: InfluentialReading[];
  /** Per device: readings screened, refitted without them, and left unchecked beyond the per-device cap. */
  devices: {device_id: string; screened: number; checked: number; not_checked: number}[];
  method: string;
}

export interface Publication {
  audience: Audience;
  tables: TableEntry[];
  /** The newest reading's date-time, as written; null without readings. */
  data_as_of: string | null;
  /** The build's day (YYYY-MM-DD): certificate and instrument status are "on" it. */
  status_on: string;
  synthetic: boolean;
  dataset_description: string;
  /** From dataset.json: whose data this is. */
  programme: string;
  agency: string;
  jurisdiction: string;
  /** Where the public site is published (ends in "/"), or null. */
  site_url: string | null;
  code: CodeVersion;
  files: PublishedFile[];
  /** The first problems (at most 500); all of them are in the problems table. */
  problems: PublishedProblem[];
  /** How many problems there are in all, warnings among them, and in how many files. */
  problem_count: {total: number; warnings: number; files: number};
  devices: PublishedDevice[];
  fits: PublishedFit[];
  scenarios: PublishedScenario[];
  claims: PublishedClaim[];
  /** Why no claim is published, when none is (no policy text, or it quotes none of the checked statements). */
  claims_note: string | null;
  /** Which of the policy sentences the pages quote (PAGE_QUOTES ids) the policy text contains. */
  policy_quotes: string[];
  /** The limits that apply to the programme (dataset.json `limits`). */
  limits: PublishedLimit[];
  everyday: PublishedEverydayDose[];
  certificates: PublishedCertificate[];
  instruments: PublishedInstrument[];
  deployments: PublishedDeployments;
  /** The policy's own figures at a distance for a duration, read from its newest text. */
  policy_figures: PolicyFigure[];
  policy: PublishedPolicy | null;
  briefing: Briefing;
  /** Readings that alone move a published figure beyond its uncertainty or change a verdict (lib/publish/influence.ts). */
  influence: PublishedInfluence;
  /** Each device's fitted dose field (all angles, and per sector), for the map and the simulations in the browser. */
  fields: (DoseFieldModel & {device_id: string})[];
  reviews: PublishedReviews;
  /** The validation warnings grouped by kind (the problems table has every one). */
  warning_groups: WarningGroup[];
  period_totals: PublishedPeriodTotals;
  constancy: PublishedConstancy[];
}
