// Exposure scenarios, each mapped to the limits that apply to it (data/limits.json `scenario_limits`).
// Nothing here knows how a dose is estimated: every builder receives an `estimate` callback (e.g. a fitted model's
// scenarioDose) and plain parameters, and returns the estimate with one verdict per applicable limit.
import type {LimitsRegistry} from "./limits.js";
import {limitById} from "./limits.js";
import {judge, formatMicrosievert, type DoseEstimate, type LimitVerdict} from "./verdict.js";

/**
 * Which bound a question needs (docs/methodology.md, "Which interval"): `prediction` for a dose on one occasion (one
 * person, one event, one hour, one shift), which adds the variation between occasions the readings show beyond their
 * stated uncertainties; `confidence` for a sum over many occasions (a year), where that variation averages out and
 * the uncertainty of the curve itself remains.
 */
export type EstimateInterval = "confidence" | "prediction";

export type Estimator = (q: {distance_m: number; duration_s: number; interval?: EstimateInterval}) => DoseEstimate;

const ONE_OCCASION = "The bounds are for one occasion (a prediction interval): they include the variation between occasions that the readings show beyond their stated uncertainties.";
const MANY_OCCASIONS = "The bounds are on the average dose over many occasions (a confidence interval): variation from one occasion to the next averages out over a year, the uncertainty of the fitted curve and of the instruments does not.";

export const SCENARIO_IDS = [
  "bystander-event",
  "bystander-hour",
  "cordon-hour",
  "occupant-scan",
  "occupant-year",
  "operator-shift",
  "operator-year",
  "public-annual"
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Each scenario's title: the same whether the data decide it or not, so a verdict can be followed from build to build. */
export const SCENARIO_TITLES: Record<ScenarioId, string> = {
  "bystander-event": "A bystander during a scan or deployment",
  "bystander-hour": "A bystander's worst hour",
  "cordon-hour": "Anyone at the cordon for an hour",
  "occupant-scan": "A person inside a scanned vehicle, per scan",
  "occupant-year": "A person scanned repeatedly, per year",
  "operator-shift": "An operator over a shift",
  "operator-year": "An operator over the year",
  "public-annual": "The public's annual dose from all deployments"
};

export interface ScenarioResult {
  id: ScenarioId;
  title: string;
  description: string;
  assumptions: string[];
  estimate: DoseEstimate;
  verdicts: LimitVerdict[];
}

/** The fields of a deployment-log row these scenarios use (lib/deployments' Deployment has them all). */
export interface DeploymentUse {
  deployment_id: string;
  beam_on_s: number;
  cordon_m: number;
  /** Restricted personal data: used to sum doses per operator, never echoed in a result. */
  operators: string[];
}

const HOUR_S = 3600;

/** "Any one hour" is the maximum over any 60 consecutive minutes (NRC HPPOS Q48) [NRC-HPPOS], not an averaged rate. */
const ANY_ONE_HOUR =
  "\"Any one hour\" is the dose in the worst 60 consecutive minutes (NRC HPPOS Q48) [NRC-HPPOS], not an hourly average: " +
  "for continuous operation at a fixed distance that is one full hour of exposure at that distance.";

function verdicts(registry: LimitsRegistry, id: ScenarioId, estimate: DoseEstimate): LimitVerdict[] {
  const ids = registry.scenario_limits[id];
  if (!ids) throw new Error(`the limits registry maps no limits to scenario "${id}"`);
  return ids.map((limitId) => judge(estimate, limitById(registry, limitId), registry.alara));
}

function result(registry: LimitsRegistry, id: ScenarioId, text: Omit<ScenarioResult, "id" | "estimate" | "verdicts">, estimate: DoseEstimate): ScenarioResult {
  return {id, ...text, estimate, verdicts: verdicts(registry, id, estimate)};
}

/**
 * Scale an estimate by a count (scans a year). Bounds scale with it: the per-scan uncertainty is the same device's
 * systematic uncertainty on every scan, so it does not average out (treating scans as independent would narrow the
 * interval and flatter the result).
 */
export function scaleEstimate(e: DoseEstimate, factor: number): DoseEstimate {
  const times = (v: number | null | undefined) => (v === null || v === undefined ? null : v * factor);
  return {...e, dose_uSv: times(e.dose_uSv), upper95_uSv: times(e.upper95_uSv), lower95_uSv: times(e.lower95_uSv)};
}

/**
 * Sum estimates of doses to the same person. Bounds add (fully correlated: one device, one model), the protective
 * choice; any part that is not determinable makes the sum not determinable.
 */
export function sumEstimates(parts: readonly DoseEstimate[]): DoseEstimate {
  const missing = parts.filter((p) => !p.determinable);
  if (missing.length > 0) {
    return {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: [...new Set(missing.map((p) => p.reason ?? "no reason given"))].join("; ")};
  }
  const add = (pick: (p: DoseEstimate) => number | null | undefined): number | null =>
    parts.every((p) => typeof pick(p) === "number") ? parts.reduce((s, p) => s + (pick(p) as number), 0) : null;
  const energies = new Set(parts.map((p) => p.effectiveEnergy_keV));
  const energy = energies.size === 1 ? [...energies][0] : undefined;
  return {
    dose_uSv: add((p) => p.dose_uSv), upper95_uSv: add((p) => p.upper95_uSv), lower95_uSv: add((p) => p.lower95_uSv), determinable: true,
    ...(energy !== undefined ? {effectiveEnergy_keV: energy} : {})
  };
}

/**
 * A scenario the data cannot decide (no deployments, no certificate...): the dose is not estimated and every limit's
 * verdict is "cannot be determined", with the reason. Never a default in place of the missing data.
 */
export function undeterminedScenario(registry: LimitsRegistry, id: ScenarioId, p: {description: string; reason: string}): ScenarioResult {
  return result(registry, id, {title: SCENARIO_TITLES[id], description: p.description, assumptions: []},
    {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: p.reason});
}

function checkPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a finite number greater than 0, got ${value}`);
}

/** A bystander at a distance for the length of a scan or a deployment: the event's dose and its worst hour. */
export function bystanderScenarios(registry: LimitsRegistry, estimate: Estimator, p: {distance_m: number; duration_s: number}): ScenarioResult[] {
  checkPositive("distance_m", p.distance_m);
  checkPositive("duration_s", p.duration_s);
  const where = `${p.distance_m} m from the device for ${p.duration_s} s of beam-on time`;
  const hour_s = Math.min(p.duration_s, HOUR_S);
  return [
    result(registry, "bystander-event", {
      title: SCENARIO_TITLES["bystander-event"],
      description: `The dose to a person standing ${where}.`,
      assumptions: [
        "The person stays at the same distance for the whole beam-on time.",
        "The annual limits are compared with this event's dose alone; other exposures in the year add to it (see the public's annual dose).",
        ONE_OCCASION
      ]
    }, estimate({...p, interval: "prediction"})),
    result(registry, "bystander-hour", {
      title: SCENARIO_TITLES["bystander-hour"],
      description: `The most dose the same person can receive in any one hour while standing ${where}.`,
      assumptions: [ANY_ONE_HOUR, p.duration_s <= HOUR_S ? "The whole event fits within one hour, so its whole dose counts." : "The beam is on for the whole of the worst hour.", ONE_OCCASION]
    }, estimate({distance_m: p.distance_m, duration_s: hour_s, interval: "prediction"}))
  ];
}

/** Anyone at the cordon during any one hour of continuous operation; the nearest cordon of the log when several. */
export function cordonHourScenario(registry: LimitsRegistry, estimate: Estimator, p: {cordon_m: number}): ScenarioResult {
  checkPositive("cordon_m", p.cordon_m);
  return result(registry, "cordon-hour", {
    title: SCENARIO_TITLES["cordon-hour"],
    description: `The dose in any one hour of continuous operation to a person at the cordon, ${p.cordon_m} m from the device.`,
    assumptions: [
      ANY_ONE_HOUR, "The beam is on for the whole hour (continuous operation), the worst case for a cordon.",
      "This is a person continuously present at the cordon for the hour; someone walking past receives far less (see the checkpoint simulation).",
      "L15 is stated in roentgen (exposure): it is converted through air kerma to H*(10) at the device's effective photon energy (2 mR is 30.6 µSv at 60 keV).",
      ONE_OCCASION
    ]
  }, estimate({distance_m: p.cordon_m, duration_s: HOUR_S, interval: "prediction"}));
}

/** A person inside a scanned vehicle: per scan, and per year for someone scanned `scans_per_year` times. */
export function occupantScenarios(registry: LimitsRegistry, p: {per_scan: DoseEstimate; scans_per_year: number}): ScenarioResult[] {
  checkPositive("scans_per_year", p.scans_per_year);
  return [
    result(registry, "occupant-scan", {
      title: SCENARIO_TITLES["occupant-scan"],
      description: "The effective dose to an occupant of a vehicle from one scan.",
      assumptions: [
        "The per-scan estimate is for the occupant's position in the vehicle, as given by the caller.",
        ...(registry.scenario_limits["occupant-scan"]?.includes("N43.16") ? ["N43.16, the standard for vehicle screening, is listed although its number is not publicly available."] : [])
      ]
    }, p.per_scan),
    result(registry, "occupant-year", {
      title: SCENARIO_TITLES["occupant-year"],
      description: `The annual dose to an occupant scanned ${p.scans_per_year} times a year.`,
      assumptions: ["Every scan gives the same dose; the bounds scale with the number of scans (the device's uncertainty does not average out)."]
    }, scaleEstimate(p.per_scan, p.scans_per_year))
  ];
}

/**
 * An operator over a shift (the deployment with the most beam-on time) and over the year (the most-exposed
 * operator, summed over the deployments they worked). Operator names are restricted data: never in the result.
 */
export function operatorScenarios(registry: LimitsRegistry, estimate: Estimator, p: {deployments: readonly DeploymentUse[]; operator_distance_m: number}): ScenarioResult[] {
  checkPositive("operator_distance_m", p.operator_distance_m);
  if (p.deployments.length === 0) throw new RangeError("operatorScenarios needs at least one deployment");
  const worstShift = p.deployments.reduce((a, b) => (b.beam_on_s > a.beam_on_s ? b : a));
  const perOperator = new Map<string, number>();
  for (const d of p.deployments) for (const op of new Set(d.operators)) perOperator.set(op, (perOperator.get(op) ?? 0) + d.beam_on_s);
  // Without operator names, assume one person worked every deployment: the protective upper bound.
  const yearly_s = perOperator.size > 0 ? Math.max(...perOperator.values()) : p.deployments.reduce((s, d) => s + d.beam_on_s, 0);
  const position = `at ${p.operator_distance_m} m from the source`;
  const common = ["The operator's position is treated as free field: shielding by the van is ignored, which overstates the dose.", "The annual limits are compared; a shift's dose shows how many such shifts the limit allows (the margin)."];
  return [
    result(registry, "operator-shift", {
      title: SCENARIO_TITLES["operator-shift"],
      description: `The dose to an operator ${position} during the deployment with the most beam-on time (${worstShift.beam_on_s} s, deployment ${worstShift.deployment_id}).`,
      assumptions: [...common, ONE_OCCASION]
    }, estimate({distance_m: p.operator_distance_m, duration_s: worstShift.beam_on_s, interval: "prediction"})),
    result(registry, "operator-year", {
      title: SCENARIO_TITLES["operator-year"],
      description: `The dose to the most-exposed operator ${position} over the ${yearly_s} s of beam-on time of the deployments they worked.`,
      assumptions: [
        ...common,
        perOperator.size > 0 ? "Doses are summed per operator from the log's operator lists; names are not shown." : "The log names no operators, so one person is assumed to have worked every deployment.",
        "The deployments given are one calendar year's.",
        MANY_OCCASIONS
      ]
    }, estimate({distance_m: p.operator_distance_m, duration_s: yearly_s, interval: "confidence"}))
  ];
}

/** The public's annual dose from all deployments: a person at the cordon of every deployment for all its beam-on time. */
export function publicAnnualScenario(registry: LimitsRegistry, estimate: Estimator, p: {deployments: readonly DeploymentUse[]}): ScenarioResult {
  if (p.deployments.length === 0) throw new RangeError("publicAnnualScenario needs at least one deployment");
  const total_s = p.deployments.reduce((s, d) => s + d.beam_on_s, 0);
  const e = sumEstimates(p.deployments.map((d) => estimate({distance_m: d.cordon_m, duration_s: d.beam_on_s, interval: "confidence"})));
  return result(registry, "public-annual", {
    title: SCENARIO_TITLES["public-annual"],
    description: `A hypothetical member of the public at the cordon of each of the ${p.deployments.length} deployments for all ${total_s} s of beam-on time${e.dose_uSv !== null ? `: ${formatMicrosievert(e.dose_uSv)}` : ""}.`,
    assumptions: [
      "Nobody really attends every deployment at the cordon for its whole beam-on time: this bounds any real person's dose from above.",
      "The deployments given are one calendar year's.",
      "Doses from the deployments are added with their bounds (one device, one model: the errors do not cancel).",
      MANY_OCCASIONS
    ]
  }, e);
}
