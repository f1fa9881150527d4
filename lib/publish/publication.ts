// From a validated data set to everything the site publishes: models per device, the policy's figures recomputed,
// exclusion distances, every scenario judged against its limits, the policy claims checked, use of the devices,
// instrument and certificate status, the council briefing, and the downloadable tables.
//
// Pure: no file access, no clock (the data-as-of date is the newest reading), so the same inputs always give the same
// output, byte for byte.
import {airContext, readingsToPoints, type FitPoint, type ModelContext, type Residual} from "../models/index.js";
import {beamOnFractionLookup} from "../deployments/index.js";
import {InputError} from "../io/problems.js";
import {Z95, exclusionDistance} from "../exposure/index.js";
import {bystanderScenarios, cordonHourScenario, occupantScenarios, operatorScenarios, publicAnnualScenario, type ScenarioResult} from "../compliance/scenarios.js";
import type {DoseEstimate} from "../compliance/verdict.js";
import type {Limit} from "../compliance/limits.js";
import {publishPolicy} from "./policy.js";
import {convertDose} from "../physics/index.js";
import {certificateStatus, latestCertificates, type Certificate} from "../certificates/index.js";
import type {Dataset} from "../io/load-dataset.js";
import type {CodeVersion} from "../io/code-version.js";
import type {Reading} from "../readings/types.js";
import type {Audience} from "./audience.js";
import type {DoseFieldModel} from "../field/formulas.js";
import {conservativeEstimator, fitAsField, fitDevice, publishedFits, sectorLabel, usableModels, type DeviceModels} from "./device-models.js";
import {busiestYear, publishCertificates, publishInstruments, summariseUse} from "./usage.js";
import {briefing} from "./briefing.js";
import {publishedTables} from "./tables.js";
import type {Table} from "./table-files.js";
import type {
  DoseAt, PolicyFigure, Publication, PublishedDevice, PublishedEverydayDose, PublishedExclusion, PublishedLimit,
  PublishedPoint, PublishedScenario
} from "./types.js";

const FOOT_M = 0.3048;
/** Effective photon energy when no certificate states one: about 60 keV for a 125 kVp tube [Rez-ASU] (grade C). */
export const DEFAULT_EFFECTIVE_ENERGY_KEV = 60;
/**
 * Where an operator stands during a scan: 3 m from the source, free field. An assumption of this product (the
 * deployment log does not record positions); it is printed with the operator scenarios.
 */
export const OPERATOR_DISTANCE_M = 3;

/**
 * Where each device's dose is reported: the 2021 policy's 5 ft and 10 ft for 10 s (0.016 mrem and 0.004 mrem), kept
 * fixed so that figures compare across briefings and policy versions. The policy's own figures are read from its
 * newest text (`policy_figures`).
 */
export const POLICY_FIGURES: PolicyFigure[] = [
  {label: "5 ft for 10 s", quote: "0.016 mrem (or 16 urem/microrem)", distance_m: 5 * FOOT_M, duration_s: 10, dose_uSv: 0.16},
  {label: "10 ft for 10 s", quote: "0.004 mrem (or 4 urem)", distance_m: 10 * FOOT_M, duration_s: 10, dose_uSv: 0.04}
];

/** Limits the exclusion distances are computed for: the hourly rule, and the negligible dose over a busy year. */
const EXCLUSION_LIMITS = ["L5", "L13"] as const;

export interface PublishResult {
  publication: Publication;
  tables: Table[];
}

function newestReading(readings: readonly Reading[]): Reading | null {
  return readings.reduce<Reading | null>((a, b) => (a === null || b.measured_at_ms > a.measured_at_ms ? b : a), null);
}

function effectiveEnergy(certificates: readonly Certificate[], device_id: string): {energy_keV: number; source: string} {
  const cert = latestCertificates(certificates.filter((c) => c.device_id === device_id))[0];
  return cert
    ? {energy_keV: cert.source.effective_energy_keV, source: `${cert.source_file} ($.source.effective_energy_keV)`}
    : {energy_keV: DEFAULT_EFFECTIVE_ENERGY_KEV, source: "default: about 60 keV for a 125 kVp tube (P. Rez, grade C) [Rez-ASU]"};
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

interface DeviceAnalysis {
  device_id: string;
  readings: Reading[];
  points: FitPoint[];
  models: DeviceModels;
  range: [number, number];
}

/** Convert non-dose-equivalent readings (air kerma, exposure) to H*(10) at the device's effective energy. */
function pointsFor(readings: readonly Reading[], energy_keV: number, beamOnFraction: ReturnType<typeof beamOnFractionLookup>) {
  return readingsToPoints(readings, {toDoseEquivalent: (value, r) => convertDose(value, r.quantity, "H*(10)", {effectiveEnergy_keV: energy_keV}).value, beamOnFraction});
}

function analyseDevices(dataset: Dataset): DeviceAnalysis[] {
  const ids = [...new Set(dataset.readings.map((r) => r.device_id))].sort();
  return ids.map((device_id) => {
    const readings = dataset.readings.filter((r) => r.device_id === device_id);
    const {energy_keV, source} = effectiveEnergy(dataset.certificates, device_id);
    const ctx: ModelContext = airContext(energy_keV, source);
    const {points, problems} = pointsFor(readings, energy_keV, beamOnFractionLookup(dataset.deployments));
    // A reading that cannot become a fit point (an elapsed time no deployment covers) stops the build: leaving it out
    // would publish figures that silently ignore it.
    if (problems.some((p) => p.severity === "error")) throw new InputError(problems);
    const distances = points.map((p) => p.distance_m);
    const range: [number, number] = distances.length > 0 ? [Math.min(...distances), Math.max(...distances)] : [1, 10];
    return {device_id, readings, points, models: fitDevice(device_id, points, ctx), range};
  });
}

function policyPoints(a: DeviceAnalysis): DoseAt[] {
  if (usableModels(a.models).length === 0) return [];
  const estimate = conservativeEstimator(a.models);
  return POLICY_FIGURES.map((f) => {
    const e = estimate({distance_m: f.distance_m, duration_s: f.duration_s});
    return {label: f.label, distance_m: f.distance_m, duration_s: f.duration_s, dose_uSv: e.dose_uSv!, lower95_uSv: e.lower95_uSv!, upper95_uSv: e.upper95_uSv!};
  });
}

function exclusions(a: DeviceAnalysis, limits: Map<string, Limit>, yearBeamOn_s: number | null): PublishedExclusion[] {
  const models = usableModels(a.models);
  return EXCLUSION_LIMITS.map((id) => {
    const limit = limits.get(id)!;
    const period_s = id === "L5" ? 3600 : yearBeamOn_s;
    const label = id === "L5" ? `${limit.value} ${limit.unit} in any one hour of continuous operation` : `${limit.value} ${limit.unit} over the busiest year's beam-on time`;
    if (models.length === 0) return {limit_id: id, label, distance_m: null, reason: a.models.groups[0]?.reason ?? "no usable model"};
    if (period_s === null) return {limit_id: id, label, distance_m: null, reason: "no deployments in the log"};
    // The hourly limit is about one occasion (a prediction); the annual negligible dose about a year of them.
    const distances = models.map((m) => exclusionDistance(m.fit, {limit_uSv: limit.value_uSv!, period_s}, {interval: id === "L5" ? "prediction" : "confidence"}).distance_m);
    if (distances.some((d) => d === null)) return {limit_id: id, label, distance_m: null, reason: "the upper bound stays above the limit over the whole search range"};
    return {limit_id: id, label, distance_m: Math.max(...(distances as number[])), reason: null};
  });
}

function scenarios(a: DeviceAnalysis, dataset: Dataset): ScenarioResult[] {
  const registry = dataset.limits;
  const estimate = conservativeEstimator(a.models);
  const deployments = dataset.deployments.filter((d) => d.device_id === a.device_id);
  const year = busiestYear(deployments);
  const results: ScenarioResult[] = [];
  const longest = deployments.reduce((m, d) => Math.max(m, d.beam_on_s), 0);
  results.push(...bystanderScenarios(registry, estimate, {distance_m: POLICY_FIGURES[0]!.distance_m, duration_s: longest > 0 ? longest : POLICY_FIGURES[0]!.duration_s}));
  if (deployments.length > 0) results.push(cordonHourScenario(registry, estimate, {cordon_m: Math.min(...deployments.map((d) => d.cordon_m))}));
  const cert = latestCertificates(dataset.certificates.filter((c) => c.device_id === a.device_id))[0];
  if (cert && year) {
    const s = cert.scan_plane_dose;
    const perScan: DoseEstimate = s.unit === "uSv"
      // One-sided 95 % bounds from the certificate's stated 1σ (docs/methodology.md, "What 95 % means").
      ? {dose_uSv: s.dose, upper95_uSv: s.dose + Z95 * s.sigma, lower95_uSv: Math.max(0, s.dose - Z95 * s.sigma), determinable: true,
        reason: `certificate ${cert.certificate_id}: per-scan dose at the scan plane, ${s.distance_m} m, ${s.scan_speed_km_per_h} km/h (${s.quantity})`}
      : {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: `the certificate's per-scan dose is ${s.quantity}, not a dose equivalent`};
    results.push(...occupantScenarios(registry, {per_scan: perScan, scans_per_year: Math.max(1, year.deployments.length)}));
  }
  if (year) {
    results.push(...operatorScenarios(registry, estimate, {deployments: year.deployments, operator_distance_m: OPERATOR_DISTANCE_M}));
    results.push(publicAnnualScenario(registry, estimate, {deployments: year.deployments}));
  }
  return results;
}

/**
 * Each reading's residual against the model of the group it belongs to: its angle sector's selected model when it
 * states an angle and that sector has one (an all-angle model mixes directions that differ by a factor of twenty), the
 * device's all-angle model otherwise.
 */
function residualsByReading(a: DeviceAnalysis): Map<string, Residual> {
  const all = a.models.groups[0]?.selected ?? null;
  const bySector = new Map(a.models.groups.filter((g) => g.sector !== null && g.selected).map((g) => [g.sector, g.selected!]));
  const out = new Map<string, Residual>();
  const sectorResiduals = new Map([...bySector].map(([sector, fit]) => [sector, new Map(fit.residuals.map((r) => [r.reading_id, r]))]));
  const allResiduals = new Map((all?.residuals ?? []).map((r) => [r.reading_id, r]));
  for (const p of a.points) {
    const own = sectorResiduals.get(sectorLabel(p.angle_deg))?.get(p.reading_id) ?? allResiduals.get(p.reading_id);
    if (own) out.set(p.reading_id, own);
  }
  return out;
}

function publishPoints(a: DeviceAnalysis, audience: Audience): PublishedPoint[] {
  const residuals = residualsByReading(a);
  const byId = new Map(a.readings.map((r) => [r.reading_id, r]));
  return a.points.map((p) => {
    const r = byId.get(p.reading_id)!;
    const res = residuals.get(p.reading_id);
    return {
      reading_id: p.reading_id, device_id: p.device_id,
      dosimeter_id: audience === "internal" ? r.dosimeter_id : null,
      measured_at: r.measured_at, distance_m: p.distance_m, angle_deg: p.angle_deg, sector: sectorLabel(p.angle_deg),
      rate_uSv_per_h: p.censored && p.mdl_rate_uSv_per_h !== null ? p.mdl_rate_uSv_per_h : p.rate_uSv_per_h,
      sigma_uSv_per_h: p.sigma_uSv_per_h, censored: p.censored,
      normalised_residual: res?.normalised ?? null, flagged: res?.flagged ?? false,
      instrument_type: r.instrument_type, instrument_id: r.instrument_id, source: `${r.source.file}:${r.source.line}`
    };
  });
}

function deviceField(a: DeviceAnalysis): (DoseFieldModel & {device_id: string}) | null {
  const all = a.models.groups[0]?.selected;
  if (!all) return null;
  const sectors = a.models.groups
    .filter((g) => g.sector !== null && g.selected)
    .map((g) => ({centre_deg: Number.parseFloat(g.sector!), width_deg: 45, field: fitAsField(g.selected!)}));
  return {device_id: a.device_id, ...fitAsField(all), ...(sectors.length > 0 ? {sectors} : {})};
}

export function publish(dataset: Dataset, audience: Audience, code: CodeVersion, options: {withBriefing?: boolean} = {}): PublishResult {
  const newest = newestReading(dataset.readings);
  const asOf = newest ? new Date(newest.measured_at_ms) : new Date(0);
  const limits = new Map(dataset.limits.limits.map((l) => [l.id, l]));
  const analyses = analyseDevices(dataset);

  const devices: PublishedDevice[] = analyses.map((a) => {
    const selected = a.models.groups[0]?.selected ?? null;
    const deployments = dataset.deployments.filter((d) => d.device_id === a.device_id);
    const year = busiestYear(deployments);
    const dates = a.readings.map((r) => r.measured_at_ms);
    const first = a.readings.find((r) => r.measured_at_ms === Math.min(...dates));
    const last = a.readings.find((r) => r.measured_at_ms === Math.max(...dates));
    return {
      device_id: a.device_id,
      readings: a.readings.length,
      censored: a.points.filter((p) => p.censored).length,
      flagged: [...residualsByReading(a).values()].filter((r) => r.flagged).length,
      rate_meter: a.readings.filter((r) => r.instrument_type === "rate-meter").length,
      first_at: first?.measured_at ?? null,
      last_at: last?.measured_at ?? null,
      model: selected?.model ?? null,
      policy_points: policyPoints(a),
      exclusion: exclusions(a, limits, year ? year.deployments.reduce((s, d) => s + d.beam_on_s, 0) : null)
    };
  });

  // A rate (per hour, day or year) is shown as the dose over one such period, and the label says so.
  const over = {hour: "one hour", day: "one day", year: "one year"} as const;
  const everyday: PublishedEverydayDose[] = dataset.everyday.map((e) => ({
    id: e.id, label: e.per && !/\b(annual|year|day|hour)\b/i.test(e.anchor) ? `${e.anchor} (${over[e.per]})` : e.anchor,
    dose_uSv: e.value_uSv, source: e.source, sources: e.sources.join(", "), grade: e.grade, note: e.note || null
  }));
  // The policy's claims are checked against the most conservative device: the claim is about "the device".
  const worst = analyses.filter((a) => usableModels(a.models).length > 0);
  const claimEstimator = worst.length > 0
    ? (q: {distance_m: number; duration_s: number}) => worst.map((a) => conservativeEstimator(a.models)(q)).reduce((x, y) => ((y.upper95_uSv ?? 0) > (x.upper95_uSv ?? 0) ? y : x))
    : undefined;
  const policy = publishPolicy(dataset.policies, {everyday: dataset.everyday, limits: dataset.limits.limits, ...(claimEstimator ? {estimate: claimEstimator} : {})});
  const policyStates5ft = policy.figures.some((f) => Math.abs(f.distance_m - POLICY_FIGURES[0]!.distance_m) < 1e-9);
  const scenarioResults = analyses.flatMap((a) => scenarios(a, dataset).map((s) => publishScenario(a.device_id, s, limits, policyStates5ft)));

  const fileWarnings = new Map<string, number>();
  for (const p of dataset.problems) fileWarnings.set(p.file, (fileWarnings.get(p.file) ?? 0) + 1);
  const readingsByFile = new Map<string, Reading[]>();
  for (const r of dataset.readings) readingsByFile.set(r.source.file, [...(readingsByFile.get(r.source.file) ?? []), r]);

  const publication: Publication = {
    audience,
    tables: [],
    data_as_of: newest?.measured_at ?? null,
    synthetic: dataset.manifest.synthetic,
    dataset_description: dataset.manifest.description,
    code,
    files: dataset.files.map((f) => {
      const rs = readingsByFile.get(f.path) ?? [];
      const sorted = rs.map((r) => r.measured_at_ms);
      const first = rs.find((r) => r.measured_at_ms === Math.min(...sorted));
      const last = rs.find((r) => r.measured_at_ms === Math.max(...sorted));
      return {...f, first: first?.measured_at ?? null, last: last?.measured_at ?? null, warnings: fileWarnings.get(f.path) ?? 0};
    }),
    // A lapsed certificate is a warning for the RSO, as of the data's date.
    problems: [...dataset.problems, ...latestCertificates(dataset.certificates).flatMap((c) => certificateStatus(c, asOf).problem ?? [])]
      .map((p) => ({severity: p.severity, file: p.file, line: p.line ?? null, column: p.column ?? null, message: p.message})),
    devices,
    fits: analyses.flatMap((a) => publishedFits(a.models, a.range)),
    scenarios: scenarioResults,
    claims: policy.claims,
    limits: dataset.limits.limits.map(publishLimit),
    everyday,
    certificates: publishCertificates(dataset.certificates, asOf),
    instruments: publishInstruments(dataset.readings),
    deployments: summariseUse(dataset.deployments),
    policy_figures: policy.figures,
    policy: policy.policy,
    briefing: {previous_as_of: null, key_figures: [], changes: [], questions: []},
    fields: analyses.map(deviceField).filter((f): f is DoseFieldModel & {device_id: string} => f !== null)
  };
  const points = analyses.flatMap((a) => publishPoints(a, audience));
  if (options.withBriefing !== false) publication.briefing = briefing(publication, dataset, (cut) => publish(cut, audience, code, {withBriefing: false}).publication);
  const tables = publishedTables(publication, points, dataset, audience);
  publication.tables = tables.map((t) => ({name: t.name, title: t.title, description: t.description, rows: t.rows.length}));
  return {publication, tables};
}
