// From a validated data set to everything the site publishes: models per device, the policy's figures recomputed,
// exclusion distances, every scenario judged against the limits that apply to the programme, the policy claims
// checked, use of the devices, instrument and certificate status, the council briefing, and the downloadable tables.
//
// Pure: no file access and no clock. `now` (the build's day: SOURCE_DATE_EPOCH or today, lib/io/clock.ts) is a
// parameter, and certificates and instrument calibrations are judged on it; the data-as-of date is the newest
// reading. The same inputs and day always give the same output, byte for byte.
//
// No verdict without the data: a device named in any file gets every scenario, and a scenario whose inputs are
// missing (no deployments, no certificate, too few readings) is "cannot be determined" with the reason. Where the
// product assumes something the data do not say (an effective energy, where an operator stands), the assumption is
// printed beside the verdicts it feeds (lib/programme/assumptions.ts).
import {
  DISTANCE_BIN_RELATIVE_WIDTH, FLAG_SIGMA, MODELS, airContext, distanceBin, groupDistance, groupMean, groupPoints, groupSpread, mergeSectors,
  parameterVector, readingsToPoints, type FitPoint,
  type ModelContext
} from "../models/index.js";
import {beamOnFractionLookup} from "../deployments/index.js";
import {InputError} from "../io/problems.js";
import {Z95, exclusionDistance} from "../exposure/index.js";
import {
  bystanderScenarios, cordonHourScenario, occupantScenarios, operatorScenarios, publicAnnualScenario, undeterminedScenario,
  type ScenarioResult
} from "../compliance/scenarios.js";
import type {DoseEstimate} from "../compliance/verdict.js";
import type {Limit, LimitsRegistry} from "../compliance/limits.js";
import {publishPolicy} from "./policy.js";
import {convertDose} from "../physics/index.js";
import {certificateStatus, latestCertificates, type Certificate} from "../certificates/index.js";
import type {Dataset} from "../io/load-dataset.js";
import type {CodeVersion} from "../io/code-version.js";
import {isoDay} from "../io/clock.js";
import {ASSUMED_EFFECTIVE_ENERGY_KEV, OPERATOR_DISTANCE_M, OPERATOR_DISTANCE_TEXT, assumedEnergyText, directionsText} from "../programme/assumptions.js";
import type {Reading} from "../readings/types.js";
import type {Audience} from "./audience.js";
import type {DoseFieldModel} from "../field/formulas.js";
import {conservativeEstimator, fitAsField, fitDevice, publishedFits, sectorLabel, usableModels, type DeviceModels} from "./device-models.js";
import {busiestYear, publishCertificates, publishInstruments, summariseUse} from "./usage.js";
import {briefing} from "./briefing.js";
import {publishedTables} from "./tables.js";
import {needsReview} from "./page-data.js";
import {publicPublication, publicTables} from "./allow-list.js";
import {readingInfluence, type DeviceInfluence, type Figure} from "./influence.js";
import {applyReviews, type Exclusion as ReviewExclusion} from "../reviews/apply.js";
import {deviceConstancy} from "./constancy.js";
import {publishPeriodTotals} from "./period-totals.js";
import {exclusionChanges, publishReviews} from "./reviews.js";
import {groupWarnings, problemKind} from "./warning-groups.js";
import type {Table} from "./table-files.js";
import type {
  DoseAt, PolicyFigure, Publication, PublishedDevice, PublishedEverydayDose, PublishedExclusion, PublishedGroup, PublishedLimit,
  PublishedPoint, PublishedProblem, PublishedScenario, ReadingStatus, RestsOn
} from "./types.js";

const FOOT_M = 0.3048;

/**
 * Where each device's dose is reported: the 2021 policy's 5 ft and 10 ft for 10 s (0.016 mrem and 0.004 mrem), kept
 * fixed so that figures compare across briefings and policy versions. The policy's own figures are read from its
 * newest text (`policy_figures`).
 */
export const POLICY_FIGURES: Pick<PolicyFigure, "label" | "distance_m" | "duration_s">[] = [
  {label: "5 ft for 10 s", distance_m: 5 * FOOT_M, duration_s: 10},
  {label: "10 ft for 10 s", distance_m: 10 * FOOT_M, duration_s: 10}
];

/**
 * Sentences of the shipped policy that pages quote outside the claims check (the imaging page): each is quoted only
 * when the policy text holds it, so a programme with another policy is never shown the sample's words.
 */
export const PAGE_QUOTES = {
  "limited-range": "has a limited effective use range. Anything outside of that range will either appear as blurry or not viewable",
  fifo: "is automatically overridden on what is known as a first-in-first-out basis"
} as const;

/** Limits the exclusion distances are computed for: the hourly rule, and the negligible dose over a busy year. */
const EXCLUSION_LIMITS = ["L5", "L13"] as const;

export const INFLUENCE_METHOD =
  "every reading screened by a first-order bound on how far its removal can move any figure of its fits (leverage and residual, rank-one downdate of JᵀWJ); those the bound cannot clear refitted without the reading, and the policy points, exclusion distances and verdicts computed again as published; a reading is listed when a figure moves by more than its own uncertainty (the margin its 95 % bound adds to the estimate) or a verdict changes";

export interface PublishResult {
  publication: Publication;
  tables: Table[];
}

export interface PublishOptions {
  /** The build's day: certificate and instrument status are judged on it. */
  now: Date;
  /** Recompute the previous briefing's figures (default true; false inside that recomputation). */
  withBriefing?: boolean;
  /** Check every figure for readings it rests on (default true; false inside the briefing's recomputation). */
  withInfluence?: boolean;
}

function newestReading(readings: readonly Reading[]): Reading | null {
  return readings.reduce<Reading | null>((a, b) => (a === null || b.measured_at_ms > a.measured_at_ms ? b : a), null);
}

interface EffectiveEnergy {
  energy_keV: number;
  source: string;
  /** True when no certificate states it and the product's assumption is used (printed beside the verdicts). */
  assumed: boolean;
}

function effectiveEnergy(certificates: readonly Certificate[], device_id: string): EffectiveEnergy {
  const cert = latestCertificates(certificates.filter((c) => c.device_id === device_id))[0];
  return cert
    ? {energy_keV: cert.source.effective_energy_keV, source: `${cert.source_file} ($.source.effective_energy_keV)`, assumed: false}
    : {energy_keV: ASSUMED_EFFECTIVE_ENERGY_KEV, source: "assumed: about 60 keV for a 125 kVp tube [Rez-ASU] (grade C), no certificate states it", assumed: true};
}

/** The limits registry cut to the limits that apply to the programme (dataset.json `limits`). */
function programmeRegistry(dataset: Dataset): LimitsRegistry {
  const applies = new Set(dataset.manifest.limits);
  return {
    ...dataset.limits,
    limits: dataset.limits.limits.filter((l) => applies.has(l.id)),
    scenario_limits: Object.fromEntries(Object.entries(dataset.limits.scenario_limits).map(([id, ids]) => [id, ids.filter((l) => applies.has(l))]))
  };
}

function publishLimit(l: Limit): PublishedLimit {
  return {
    id: l.id, label: l.stated, body: l.body, document: l.document, clause: l.clause ?? "", protects: l.protects.join(", ").replaceAll("-", " "),
    quantity: l.quantity, value: l.value, unit: l.unit, value_uSv: l.value_uSv, period: l.period.replaceAll("-", " "),
    kind: l.kind.replaceAll("-", " "), grade: l.grade ?? "–", source: l.source, sources: l.sources.join(", "), note: l.note || null
  };
}

function publishScenario(device_id: string, s: ScenarioResult, limits: Map<string, Limit>, policyStates5ft: boolean): PublishedScenario {
  // The bystander scenarios are at 5 ft: say so in the title, since a cordon usually keeps people farther.
  const title = s.id.startsWith("bystander") ? `${s.title}, at 5 ft${policyStates5ft ? " (the policy's distance)" : ""}` : s.title;
  return {
    id: s.id, device_id, title, description: s.description,
    assumptions: [...s.assumptions, ...(s.estimate.reason && s.estimate.determinable ? [`Estimated with the ${s.estimate.reason}.`] : [])],
    dose_uSv: s.estimate.dose_uSv, upper95_uSv: s.estimate.upper95_uSv,
    verdicts: s.verdicts.map((v) => {
      const limit = limits.get(v.limit_id)!;
      return {
        limit_id: v.limit_id, limit_label: limit.stated, limit_uSv: v.limit_uSv, period: limit.period.replaceAll("-", " "),
        kind: limit.kind.replaceAll("-", " "), verdict: v.verdict, margin: v.margin,
        alara: v.alara.length > 0 ? v.alara.map((a) => `${a.level} ${a.status.replace("-", " ")}`).join("; ") : null,
        explanation: v.explanation
      };
    })
  };
}

export interface DeviceAnalysis {
  device_id: string;
  /** Every reading of the device, excluded ones too. */
  readings: Reading[];
  /** The readings the reviews exclude (not fitted). */
  excluded: ReviewExclusion[];
  /** The fitted readings' points (every reading not excluded). */
  points: FitPoint[];
  /** The excluded readings' points, for the tables and charts. */
  excludedPoints: FitPoint[];
  models: DeviceModels;
  /** The models with every reading, excluded ones too; null when none is excluded. */
  withoutExclusions: DeviceModels | null;
  /** The measured distances (m), for drawing curves; null without readings. */
  range: [number, number] | null;
  energy: EffectiveEnergy;
  /** A value of a reading (gross, background, net...) as a dose equivalent in µSv, as its fit point converts it. */
  toUSv: (value: number, reading: Reading) => number;
}

/** A reading's value as H*(10) in µSv: as recorded when it is a dose equivalent, else converted at the device's effective energy. */
function doseEquivalent(energy_keV: number): (value: number, reading: Reading) => number {
  return (value, r) => (r.unit === "uSv" ? value : convertDose(value, r.quantity, "H*(10)", {effectiveEnergy_keV: energy_keV}).value);
}

/** Convert non-dose-equivalent readings (air kerma, exposure) to H*(10) at the device's effective energy. */
function pointsFor(readings: readonly Reading[], energy_keV: number, beamOnFraction: ReturnType<typeof beamOnFractionLookup>) {
  return readingsToPoints(readings, {toDoseEquivalent: doseEquivalent(energy_keV), beamOnFraction});
}

/** Every device any file names (readings, certificates, deployments): a device used but never measured is listed too. */
export function deviceIds(dataset: Pick<Dataset, "readings" | "certificates" | "deployments">): string[] {
  const ids = new Set<string>();
  for (const r of dataset.readings) ids.add(r.device_id);
  for (const c of dataset.certificates) ids.add(c.device_id);
  for (const d of dataset.deployments) ids.add(d.device_id);
  return [...ids].sort();
}

/**
 * Every device's readings turned into fit points and fitted, the reviews applied first: an excluded reading is kept
 * (its point is in the tables) but fitted only in the comparison "without the exclusions".
 */
export function analyseDevices(dataset: Dataset): DeviceAnalysis[] {
  const byDevice = new Map<string, Reading[]>();
  for (const r of dataset.readings) {
    const list = byDevice.get(r.device_id);
    if (list) list.push(r);
    else byDevice.set(r.device_id, [r]);
  }
  const {excluded} = applyReviews(dataset.readings, dataset.reviews);
  const excludedIds = new Set(excluded.map((e) => e.reading_id));
  const beamOnFraction = beamOnFractionLookup(dataset.deployments);
  return deviceIds(dataset).map((device_id) => {
    const readings = byDevice.get(device_id) ?? [];
    const energy = effectiveEnergy(dataset.certificates, device_id);
    const ctx: ModelContext = airContext(energy.energy_keV, energy.source);
    const {points: all, problems} = pointsFor(readings, energy.energy_keV, beamOnFraction);
    // A reading that cannot become a fit point (an elapsed time no deployment covers) stops the build: leaving it out
    // would publish figures that silently ignore it.
    if (problems.some((p) => p.severity === "error")) throw new InputError(problems);
    const points = excludedIds.size === 0 ? all : all.filter((p) => !excludedIds.has(p.reading_id));
    const excludedPoints = excludedIds.size === 0 ? [] : all.filter((p) => excludedIds.has(p.reading_id));
    const range = points.reduce<[number, number] | null>((r, p) => (r ? [Math.min(r[0], p.distance_m), Math.max(r[1], p.distance_m)] : [p.distance_m, p.distance_m]), null);
    return {
      device_id, readings, excluded: excluded.filter((e) => e.device_id === device_id), points, excludedPoints,
      models: fitDevice(device_id, points, ctx), withoutExclusions: excludedPoints.length > 0 ? fitDevice(device_id, all, ctx) : null,
      range, energy, toUSv: doseEquivalent(energy.energy_keV)
    };
  });
}

/** Whether a distance lies outside the distances the device's readings were taken at (a 1 % margin for rounding). */
/** Why nothing over a deployment's or a year's beam-on time can be estimated for a device (a log of days without scans). */
const noBeamOnTime = (device_id: string) => `no deployment of ${device_id} in the log has any beam-on time`;

const outside = (a: DeviceAnalysis, distance_m: number) => a.range === null || distance_m < a.range[0] * 0.99 || distance_m > a.range[1] * 1.01;

function policyPoints(a: DeviceAnalysis, models: DeviceModels = a.models): DoseAt[] {
  if (usableModels(models).length === 0) return [];
  const estimate = conservativeEstimator(models);
  return POLICY_FIGURES.map((f) => {
    const e = estimate({distance_m: f.distance_m, duration_s: f.duration_s});
    return {
      label: f.label, distance_m: f.distance_m, duration_s: f.duration_s, dose_uSv: e.dose_uSv!, lower95_uSv: e.lower95_uSv!, upper95_uSv: e.upper95_uSv!,
      extrapolated: outside(a, f.distance_m)
    };
  });
}

/** An exclusion distance and, for the influence check, the same distance on the point estimate (its own uncertainty). */
type Exclusion = PublishedExclusion & {point_distance_m?: number | null};

function exclusions(a: DeviceAnalysis, limits: Map<string, Limit>, yearBeamOn_s: number | null): Exclusion[] {
  const models = usableModels(a.models);
  return EXCLUSION_LIMITS.filter((id) => limits.has(id)).map((id): Exclusion => {
    const limit = limits.get(id)!;
    const period_s = id === "L5" ? 3600 : yearBeamOn_s;
    const label = id === "L5" ? `${limit.value} ${limit.unit} in any one hour of continuous operation` : `${limit.value} ${limit.unit} over the busiest year's beam-on time`;
    const none = (reason: string): PublishedExclusion => ({limit_id: id, label, distance_m: null, extrapolated: false, reason});
    if (models.length === 0) return none(a.models.groups[0]?.reason ?? "no usable model");
    if (period_s === null) return none(`no deployments of ${a.device_id} in the log, so its year's beam-on time is not known`);
    // The busiest year has the most beam-on time: none there means none in any year (a log of days without scans).
    if (period_s === 0) return none(`${noBeamOnTime(a.device_id)}, so there is no year of use to keep people away from`);
    // The hourly limit is about one occasion (a prediction); the annual negligible dose about a year of them.
    const found = models.map((m) => exclusionDistance(m.fit, {limit_uSv: limit.value_uSv!, period_s}, {interval: id === "L5" ? "prediction" : "confidence"}));
    if (found.some((d) => d.distance_m === null)) return none("the upper bound stays above the limit over the whole search range");
    const farthest = found.reduce((x, y) => (y.distance_m! > x.distance_m! ? y : x));
    const distance_m = farthest.distance_m!;
    return {limit_id: id, label, distance_m, extrapolated: outside(a, distance_m), reason: null, point_distance_m: farthest.pointDistance_m};
  });
}

/**
 * Every scenario of a device, each judged only when the data it needs are there: the deployment log for how long and
 * how close people were (never a default duration), a certificate for the per-scan dose, enough readings for a model.
 */
function scenarios(a: DeviceAnalysis, dataset: Dataset, registry: LimitsRegistry): ScenarioResult[] {
  const estimate = conservativeEstimator(a.models);
  const deployments = dataset.deployments.filter((d) => d.device_id === a.device_id);
  const year = busiestYear(deployments);
  const cert = latestCertificates(dataset.certificates.filter((c) => c.device_id === a.device_id))[0];
  const device = a.device_id;
  const noLog = `device ${device} has no deployments in the log, so how long and how close people were exposed is not known`;
  const noCert = `device ${device} has no calibration certificate, which is where the dose of one scan at the scan plane comes from`;
  const bystander = POLICY_FIGURES[0]!.distance_m;
  const results: ScenarioResult[] = [];

  if (year) {
    const longest = deployments.reduce((d, e) => (e.beam_on_s > d.beam_on_s ? e : d));
    if (longest.beam_on_s > 0) {
      results.push(...bystanderScenarios(registry, estimate, {distance_m: bystander, duration_s: longest.beam_on_s}).map((r) => ({
        ...r, assumptions: [`The beam-on time is that of the deployment with the most (${longest.deployment_id}, ${longest.beam_on_s} s).`, ...r.assumptions]
      })));
    } else {
      const reason = noBeamOnTime(device);
      results.push(undeterminedScenario(registry, "bystander-event", {description: `The dose to a person standing ${bystander} m from the device for a deployment's beam-on time.`, reason}));
      results.push(undeterminedScenario(registry, "bystander-hour", {description: `The most dose a person standing ${bystander} m from the device can receive in any one hour.`, reason}));
    }
    results.push(cordonHourScenario(registry, estimate, {cordon_m: Math.min(...deployments.map((d) => d.cordon_m))}));
  } else {
    results.push(undeterminedScenario(registry, "bystander-event", {description: `The dose to a person standing ${bystander} m from the device for a deployment's beam-on time.`, reason: noLog}));
    results.push(undeterminedScenario(registry, "bystander-hour", {description: `The most dose a person standing ${bystander} m from the device can receive in any one hour.`, reason: noLog}));
    results.push(undeterminedScenario(registry, "cordon-hour", {description: "The dose in any one hour of continuous operation to a person at the cordon.", reason: noLog}));
  }

  if (cert) {
    const s = cert.scan_plane_dose;
    const perScan: DoseEstimate = s.unit === "uSv"
      // One-sided 95 % bounds from the certificate's stated 1σ (docs/methodology.md, "What 95 % means").
      ? {dose_uSv: s.dose, upper95_uSv: s.dose + Z95 * s.sigma, lower95_uSv: Math.max(0, s.dose - Z95 * s.sigma), determinable: true,
        reason: `certificate ${cert.certificate_id}: per-scan dose at the scan plane, ${s.distance_m} m, ${s.scan_speed_km_per_h} km/h (${s.quantity})`}
      : {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: `the certificate's per-scan dose is ${s.quantity}, not a dose equivalent`};
    if (year) {
      const [scan, annual] = occupantScenarios(registry, {per_scan: perScan, scans_per_year: year.deployments.length});
      const scans = `A person is taken to be scanned once at each of the ${year.deployments.length} deployments of ${year.year}, the device's busiest year: the log records vehicles scanned, not how often one person was.`;
      results.push(scan!, {...annual!, assumptions: [scans, ...annual!.assumptions]});
    } else {
      results.push(occupantScenarios(registry, {per_scan: perScan, scans_per_year: 1})[0]!);
      results.push(undeterminedScenario(registry, "occupant-year", {description: "The annual dose to a person scanned at every deployment of the busiest year.", reason: noLog}));
    }
  } else {
    results.push(undeterminedScenario(registry, "occupant-scan", {description: "The effective dose to an occupant of a vehicle from one scan.", reason: noCert}));
    results.push(undeterminedScenario(registry, "occupant-year", {description: "The annual dose to a person scanned at every deployment of the busiest year.", reason: year ? noCert : `${noCert}; and ${noLog}`}));
  }

  if (year) {
    results.push(...operatorScenarios(registry, estimate, {deployments: year.deployments, operator_distance_m: OPERATOR_DISTANCE_M}).map((r) => ({...r, assumptions: [OPERATOR_DISTANCE_TEXT, ...r.assumptions]})));
    results.push(publicAnnualScenario(registry, estimate, {deployments: year.deployments}));
  } else {
    results.push(undeterminedScenario(registry, "operator-shift", {description: "The dose to an operator during the deployment with the most beam-on time.", reason: noLog}));
    results.push(undeterminedScenario(registry, "operator-year", {description: "The dose to the most-exposed operator over the busiest year's deployments.", reason: noLog}));
    results.push(undeterminedScenario(registry, "public-annual", {description: "A member of the public at the cordon of every deployment of the busiest year for all its beam-on time.", reason: noLog}));
  }

  // What the device's models assume feeds every dose that comes from them (not the certificate's per-scan dose).
  const usable = usableModels(a.models);
  const modelAssumptions = [
    ...(a.energy.assumed ? [assumedEnergyText(device)] : []),
    ...(usable.length > 0 ? [directionsText(device, usable.map((m) => m.sector))].filter((t): t is string => t !== null) : [])
  ];
  const fromModel = (r: ScenarioResult) => !r.id.startsWith("occupant") && r.estimate.determinable;
  return results
    .filter((r) => r.verdicts.length > 0)
    .map((r) => (fromModel(r) && modelAssumptions.length > 0 ? {...r, assumptions: [...r.assumptions, ...modelAssumptions]} : r));
}

/** The published figures of a device the influence check compares: policy points, exclusion distances, verdicts. */
function figuresOf(a: DeviceAnalysis, dataset: Dataset, registry: LimitsRegistry, limits: Map<string, Limit>, yearBeamOn_s: number | null) {
  return (models: DeviceModels): Figure[] => {
    const b = {...a, models};
    return [
      ...policyPoints(b).map((p) => ({id: `policy:${p.label}`, label: `upper bound at ${p.label}`, unit: "µSv", value: p.upper95_uSv, uncertainty: p.upper95_uSv - p.dose_uSv, verdict: null})),
      ...exclusions(b, limits, yearBeamOn_s).map((e) => ({
        id: `exclusion:${e.limit_id}`, label: `exclusion distance for ${e.label}`, unit: "m", value: e.distance_m,
        uncertainty: e.distance_m !== null && e.point_distance_m != null ? e.distance_m - e.point_distance_m : null, verdict: null
      })),
      ...scenarios(b, dataset, registry).flatMap((s) => s.verdicts.map((v) => ({
        id: `verdict:${s.id}:${v.limit_id}`, label: `${s.title}, against ${v.limit_id}`, unit: "µSv", value: null, uncertainty: null, verdict: v.verdict
      })))
    ];
  };
}

/** The readings each figure rests on (its id → the reading and the figure without it). */
function restsOn(influence: DeviceInfluence): Map<string, (RestsOn & {verdict_without: string | null})[]> {
  const out = new Map<string, (RestsOn & {verdict_without: string | null})[]>();
  for (const r of influence.influential) {
    for (const e of r.effects) {
      const list = out.get(e.figure_id) ?? [];
      list.push({reading_id: r.reading_id, source: r.source, without: e.without, verdict_without: e.verdict_without});
      out.set(e.figure_id, list);
    }
  }
  return out;
}

/**
 * Each reading's residual against the model of the group it belongs to: its angle sector's selected model when it
 * states an angle and that sector has one (an all-angle model mixes directions that differ by a factor of twenty), the
 * device's all-angle model otherwise. Readings below detection have none.
 */
function residualOf(a: DeviceAnalysis): (p: FitPoint) => {normalised: number; flagged: boolean} | null {
  const all = a.models.groups[0]?.selected ?? null;
  const bySector = new Map(a.models.groups.filter((g) => g.sector !== null && g.selected).map((g) => [g.sector, g.selected!]));
  const params = new Map([all, ...bySector.values()].filter((f) => f !== null).map((f) => [f, parameterVector(f)]));
  return (p) => {
    const fit = bySector.get(sectorLabel(p.angle_deg)) ?? all;
    if (p.censored || !fit) return null;
    const normalised = (p.rate_uSv_per_h - MODELS[fit.model].rate(p.distance_m, params.get(fit)!, fit.context)) / p.sigma_uSv_per_h;
    return {normalised, flagged: Math.abs(normalised) > FLAG_SIGMA};
  };
}

/**
 * Every reading with its one status (lib/publish/types.ts ReadingStatus): excluded by a review, flagged beyond 3σ of
 * its model, censored below detection, warned by a validator at its line, or accepted; the detail says why, and any
 * warning at its line is quoted after.
 */
function publishPoints(a: DeviceAnalysis, audience: Audience, warningsAt: ReadonlyMap<string, string[]>): PublishedPoint[] {
  const residual = residualOf(a);
  const byId = new Map(a.readings.map((r) => [r.reading_id, r]));
  const exclusions = new Map(a.excluded.map((e) => [e.reading_id, e]));
  return [...a.points, ...a.excludedPoints].map((p) => {
    const r = byId.get(p.reading_id)!;
    const excluded = exclusions.get(p.reading_id);
    // An excluded reading is not fitted: no residual, and never flagged (its status says why it was set aside).
    const res = excluded ? null : residual(p);
    const source = `${r.source.file}:${r.source.line}`;
    const warnings = warningsAt.get(source) ?? [];
    const flagged = res?.flagged ?? false;
    const status: ReadingStatus = excluded ? "excluded" : flagged ? "flagged" : p.censored ? "censored" : warnings.length > 0 ? "warned" : "accepted";
    const why = excluded ? `excluded on ${excluded.reviewed_on}: ${excluded.reason}`
      : flagged ? `${Math.abs(res!.normalised).toPrecision(2)} σ ${res!.normalised > 0 ? "above" : "below"} its model`
        : p.censored ? "below the detection limit: an upper limit" : null;
    const detail = [why, ...warnings.map((w) => `warning: ${w}`)].filter((t): t is string => t !== null).join("; ");
    return {
      reading_id: p.reading_id, device_id: p.device_id,
      dosimeter_id: audience === "internal" ? r.dosimeter_id : null,
      measured_at: r.measured_at, distance_m: p.distance_m, angle_deg: p.angle_deg, sector: sectorLabel(p.angle_deg),
      rate_uSv_per_h: p.censored && p.mdl_rate_uSv_per_h !== null ? p.mdl_rate_uSv_per_h : p.rate_uSv_per_h,
      sigma_uSv_per_h: p.sigma_uSv_per_h, censored: p.censored,
      normalised_residual: res?.normalised ?? null, flagged,
      instrument_type: r.instrument_type, instrument_id: r.instrument_id, source,
      gross_uSv: a.toUSv(r.gross, r), background_uSv: r.background === null ? null : a.toUSv(r.background, r), net_uSv: a.toUSv(r.net, r),
      status, status_detail: detail === "" ? null : detail,
      notes: audience === "internal" ? r.notes : null
    };
  });
}

/** Problems carried by the publication (every page loads it); the problems table lists them all. */
export const MAX_PUBLISHED_PROBLEMS = 500;

/** Flagged readings published per device at most (the furthest first); every residual is in the readings download. */
export const MAX_FLAGGED_PUBLISHED = 200;
/** Distances drawn per device and sector at most (a phone's chart cannot show more); see publishGroups. */
export const MAX_PUBLISHED_DISTANCES = 120;

function flaggedPoints(points: readonly PublishedPoint[]): PublishedPoint[] {
  const byDevice = new Map<string, PublishedPoint[]>();
  for (const p of points) {
    if (!p.flagged) continue;
    let list = byDevice.get(p.device_id);
    if (!list) byDevice.set(p.device_id, (list = []));
    list.push(p);
  }
  return [...byDevice.values()].flatMap((list) =>
    list.sort((x, y) => Math.abs(y.normalised_residual!) - Math.abs(x.normalised_residual!)).slice(0, MAX_FLAGGED_PUBLISHED));
}

/**
 * The readings as the models page draws them: per device, for all angles and for each sector, one row per distance
 * with the weighted mean rate, its spread, and how the group's selected model sees it. What a page needs grows with
 * the distances measured, not with the readings.
 */
function publishGroups(a: DeviceAnalysis): PublishedGroup[] {
  const out: PublishedGroup[] = [];
  for (const g of a.models.groups) {
    const points = g.sector === null ? a.points : a.points.filter((p) => sectorLabel(p.angle_deg) === g.sector);
    let groups = g.readingGroups;
    // Distances that never repeat (a monitor on a moving cordon) would give a group per reading: beyond
    // MAX_PUBLISHED_DISTANCES, readings are drawn in that many log-spaced bins (sums add exactly; the spread then
    // also holds the fall-off across the bin).
    let width = DISTANCE_BIN_RELATIVE_WIDTH;
    if (groups.length > MAX_PUBLISHED_DISTANCES) {
      let [lo, hi] = [Infinity, -Infinity];
      for (const p of points) [lo, hi] = [Math.min(lo, p.distance_m), Math.max(hi, p.distance_m)];
      width = Math.pow(hi / lo, 1 / MAX_PUBLISHED_DISTANCES) - 1;
      groups = mergeSectors(groupPoints(points, {relativeWidth: width}));
    }
    // The highest detection limit among a distance's readings below it, and where they were (for distances where
    // every reading was below detection): the chart draws them as that upper limit.
    const below = new Map<number, {mdl: number; distance_m: number}>();
    for (const p of points) {
      if (!p.censored || p.mdl_rate_uSv_per_h === null) continue;
      const bin = distanceBin(p.distance_m, width);
      const seen = below.get(bin);
      below.set(bin, {mdl: Math.max(seen?.mdl ?? 0, p.mdl_rate_uSv_per_h), distance_m: seen?.distance_m ?? p.distance_m});
    }
    const fit = g.selected;
    const params = fit ? parameterVector(fit) : null;
    for (const x of groups) {
      const distance_m = x.n > 0 ? groupDistance(x) : below.get(x.bin)?.distance_m;
      if (distance_m === undefined) continue;
      const predicted = fit && params ? MODELS[fit.model].rate(distance_m, params, fit.context) : null;
      const mean = x.n > 0 ? groupMean(x) : null;
      const sigmaOfMean = x.n > 0 ? 1 / Math.sqrt(x.sumW) : null;
      out.push({
        device_id: a.device_id, sector: g.sector, distance_m, readings: x.n, censored: x.censored,
        mean_rate_uSv_per_h: mean, spread_uSv_per_h: x.n > 0 ? groupSpread(x) : null,
        min_rate_uSv_per_h: x.n > 0 ? x.minY : null, max_rate_uSv_per_h: x.n > 0 ? x.maxY : null,
        sigma_of_mean_uSv_per_h: sigmaOfMean, mdl_rate_uSv_per_h: below.get(x.bin)?.mdl ?? null, predicted_uSv_per_h: predicted,
        normalised: predicted === null || mean === null ? null : (mean - predicted) / (sigmaOfMean! * Math.sqrt(fit!.covarianceScale))
      });
    }
  }
  return out;
}

function deviceField(a: DeviceAnalysis): (DoseFieldModel & {device_id: string}) | null {
  const all = a.models.groups[0]?.selected;
  if (!all) return null;
  const sectors = a.models.groups
    .filter((g) => g.sector !== null && g.selected)
    .map((g) => ({centre_deg: Number.parseFloat(g.sector!), width_deg: 45, field: fitAsField(g.selected!)}));
  return {device_id: a.device_id, ...fitAsField(all), ...(sectors.length > 0 ? {sectors} : {})};
}

export function publish(dataset: Dataset, audience: Audience, code: CodeVersion, options: PublishOptions): PublishResult {
  const {now} = options;
  const newest = newestReading(dataset.readings);
  const registry = programmeRegistry(dataset);
  const limits = new Map(registry.limits.map((l) => [l.id, l]));
  const analyses = analyseDevices(dataset);
  const latest = new Map(latestCertificates(dataset.certificates).map((c) => [c.device_id, c]));
  const yearBeamOn = (device_id: string) => {
    const year = busiestYear(dataset.deployments.filter((d) => d.device_id === device_id));
    return year ? year.deployments.reduce((sum, d) => sum + d.beam_on_s, 0) : null;
  };
  // No published figure decided by one reading: each device's figures recomputed without each reading that could move them.
  const none: DeviceInfluence = {influential: [], screened: 0, checked: 0, not_checked: 0};
  const influence = new Map(analyses.map((a) => [a.device_id, options.withInfluence === false ? none : readingInfluence(a.models, a.points, figuresOf(a, dataset, registry, limits, yearBeamOn(a.device_id)))]));
  const resting = new Map(analyses.map((a) => [a.device_id, restsOn(influence.get(a.device_id)!)]));
  const reliance = (device_id: string, figure_id: string) =>
    (resting.get(device_id)?.get(figure_id) ?? []).map(({reading_id, source, without}) => ({reading_id, source, without}));

  const devices: PublishedDevice[] = analyses.map((a) => {
    const selected = a.models.groups[0]?.selected ?? null;
    const deployments = dataset.deployments.filter((d) => d.device_id === a.device_id);
    let first: Reading | null = null;
    let last: Reading | null = null;
    for (const r of a.readings) {
      if (!first || r.measured_at_ms < first.measured_at_ms) first = r;
      if (!last || r.measured_at_ms > last.measured_at_ms) last = r;
    }
    const cert = latest.get(a.device_id);
    const residual = residualOf(a);
    return {
      device_id: a.device_id,
      readings: a.readings.length,
      censored: a.points.filter((p) => p.censored).length,
      flagged: a.points.reduce((n, p) => n + (residual(p)?.flagged ? 1 : 0), 0),
      rate_meter: a.readings.filter((r) => r.instrument_type === "rate-meter").length,
      first_at: first?.measured_at ?? null,
      last_at: last?.measured_at ?? null,
      model: selected?.model ?? null,
      distance_range_m: a.range,
      deployments: deployments.length,
      certificate: cert ? certificateStatus(cert, now).status : "missing",
      effective_energy_keV: a.energy.energy_keV,
      effective_energy_assumed: a.energy.assumed,
      policy_points: policyPoints(a).map((p) => ({...p, rests_on: reliance(a.device_id, `policy:${p.label}`)})),
      exclusion: exclusions(a, limits, yearBeamOn(a.device_id)).map(({point_distance_m: _point, ...e}) => ({...e, rests_on: reliance(a.device_id, `exclusion:${e.limit_id}`)})),
      excluded: a.excluded.length,
      without_exclusions: a.withoutExclusions === null ? null : {
        excluded: a.excluded.length,
        fits: publishedFits(a.withoutExclusions, a.range).filter((f) => f.selected),
        policy_points: policyPoints(a, a.withoutExclusions)
      }
    };
  });

  // A rate (per hour, day or year) is shown as the dose over one such period, and the label says so.
  const over = {hour: "one hour", day: "one day", year: "one year"} as const;
  const everyday: PublishedEverydayDose[] = dataset.everyday.map((e) => ({
    id: e.id, label: e.per && !/\b(annual|year|day|hour)\b/i.test(e.anchor) ? `${e.anchor} (${over[e.per]})` : e.anchor,
    dose_uSv: e.value_uSv, source: e.source, sources: e.sources.join(", "), grade: e.grade, note: e.note || null
  }));
  // The policy's claims are about "the device": they are checked against the most conservative device, and cannot be
  // checked against the field data while any device (measured or only deployed) has no usable model.
  const claimEstimator = analyses.length === 0 || analyses.some((a) => usableModels(a.models).length === 0)
    ? undefined
    : (q: {distance_m: number; duration_s: number}) => analyses.map((a) => conservativeEstimator(a.models)(q)).reduce((x, y) => (y.upper95_uSv! > x.upper95_uSv! ? y : x));
  // Claims about limits are checked against the limits that apply to the programme.
  const policy = publishPolicy(dataset.policies, {everyday: dataset.everyday, limits: registry.limits, ...(claimEstimator ? {estimate: claimEstimator} : {})});
  const policyStates5ft = policy.figures.some((f) => Math.abs(f.distance_m - POLICY_FIGURES[0]!.distance_m) < 1e-9);
  const scenarioResults = analyses.flatMap((a) => scenarios(a, dataset, registry).map((s) => {
    const published = publishScenario(a.device_id, s, limits, policyStates5ft);
    for (const v of published.verdicts) {
      v.hinges_on = (resting.get(a.device_id)?.get(`verdict:${s.id}:${v.limit_id}`) ?? []).map(({reading_id, source, verdict_without}) => ({reading_id, source, verdict_without}));
    }
    return published;
  }));
  // The newest policy text as one line of words, for the sentences pages quote (PAGE_QUOTES).
  const flowing = dataset.policies.at(-1)?.text.replace(/\s+/g, " ") ?? "";

  const readingsByFile = new Map<string, {first: Reading; last: Reading}>();
  for (const r of dataset.readings) {
    const span = readingsByFile.get(r.source.file);
    if (!span) readingsByFile.set(r.source.file, {first: r, last: r});
    else {
      if (r.measured_at_ms < span.first.measured_at_ms) span.first = r;
      if (r.measured_at_ms > span.last.measured_at_ms) span.last = r;
    }
  }

  // Each device's output constancy, and a warning for every period out of control (the Data quality page lists them).
  const constancy = analyses.map((a) => deviceConstancy(a, dataset.certificates));
  // A lapsed certificate is a warning for the RSO, as of the build's day.
  const problems: PublishedProblem[] = [
    ...dataset.problems, ...latestCertificates(dataset.certificates).flatMap((c) => certificateStatus(c, now).problem ?? []), ...constancy.flatMap((c) => c.problems)
  ].map((p) => ({severity: p.severity, file: p.file, line: p.line ?? null, column: p.column ?? null, message: p.message, kind: problemKind(p)}));
  const readingAt = new Map(dataset.readings.map((r) => [`${r.source.file}:${r.source.line}`, r.device_id]));
  const warningsAt = new Map<string, string[]>();
  for (const p of problems) {
    if (p.severity !== "warning" || p.line === null || !readingAt.has(`${p.file}:${p.line}`)) continue;
    const key = `${p.file}:${p.line}`;
    warningsAt.set(key, [...(warningsAt.get(key) ?? []), p.message]);
  }
  const {excluded} = applyReviews(dataset.readings, dataset.reviews);
  const fileWarnings = new Map<string, number>();
  for (const p of problems) fileWarnings.set(p.file, (fileWarnings.get(p.file) ?? 0) + 1);

  const publication: Publication = {
    audience,
    tables: [],
    data_as_of: newest?.measured_at ?? null,
    status_on: isoDay(now),
    synthetic: dataset.manifest.synthetic,
    dataset_description: dataset.manifest.description,
    programme: dataset.manifest.programme,
    agency: dataset.manifest.agency,
    jurisdiction: dataset.manifest.jurisdiction,
    site_url: dataset.manifest.site_url,
    code,
    files: dataset.files.map((f) => {
      const span = readingsByFile.get(f.path);
      return {...f, first: span?.first.measured_at ?? null, last: span?.last.measured_at ?? null, warnings: fileWarnings.get(f.path) ?? 0};
    }),
    // Every page loads the publication: it carries the first problems and their count; the problems table has them all.
    problems: problems.slice(0, MAX_PUBLISHED_PROBLEMS),
    problem_count: {total: problems.length, warnings: problems.filter((p) => p.severity === "warning").length, files: new Set(problems.map((p) => p.file)).size},
    devices,
    fits: analyses.flatMap((a) => publishedFits(a.models, a.range)),
    scenarios: scenarioResults,
    claims: policy.claims,
    claims_note: policy.policy === null ? "The data folder holds no policy text, so no claim of a policy could be checked." : null,
    policy_quotes: Object.entries(PAGE_QUOTES).filter(([, quote]) => flowing.includes(quote)).map(([id]) => id),
    limits: registry.limits.map(publishLimit),
    everyday,
    certificates: publishCertificates(dataset.certificates, now),
    instruments: publishInstruments(dataset.readings, now),
    deployments: summariseUse(dataset.deployments),
    policy_figures: policy.figures,
    policy: policy.policy,
    briefing: {previous_as_of: null, exclusions: exclusionChanges(dataset.readings, dataset.reviews, null), key_figures: [], changes: [], questions: []},
    influence: {
      readings: analyses.flatMap((a) => influence.get(a.device_id)!.influential),
      devices: analyses.map((a) => {
        const {screened, checked, not_checked} = influence.get(a.device_id)!;
        return {device_id: a.device_id, screened, checked, not_checked};
      }),
      method: INFLUENCE_METHOD
    },
    fields: analyses.map(deviceField).filter((f): f is DoseFieldModel & {device_id: string} => f !== null),
    reviews: publishReviews(excluded, dataset.reviews, audience),
    warning_groups: groupWarnings(problems, (file, line) => readingAt.get(`${file}:${line}`) ?? null, analyses.map((a) => a.device_id)),
    period_totals: publishPeriodTotals(dataset, analyses, registry, now, audience),
    constancy: constancy.map((c) => c.chart)
  };
  const points = analyses.flatMap((a) => publishPoints(a, audience, warningsAt));
  if (options.withBriefing !== false) {
    publication.briefing = briefing(publication, dataset, (cut, day) => publish(cut, audience, code, {now: day, withBriefing: false, withInfluence: false}).publication);
  }
  const all = publishedTables(publication, {points, groups: analyses.flatMap(publishGroups), flagged: flaggedPoints(points), problems}, dataset, audience);
  // The public build carries only the fields on the allow-list (lib/publish/allow-list.ts), whatever the rows hold.
  const tables = audience === "public" ? publicTables(all) : all;
  publication.tables = tables.map((t) => ({
    name: t.name, title: t.title, description: t.description, rows: t.rows.length,
    ...(t.name === "readings" ? {needing_review: t.rows.filter(needsReview).length} : {})
  }));
  return {publication: audience === "public" ? publicPublication(publication) : publication, tables};
}
