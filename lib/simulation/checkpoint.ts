// A checkpoint deployment simulated person by person: the device scans vehicles on a fixed schedule for hours, members
// of the public walk past outside a cordon at random times, distances and speeds, operators stand at their posts.
//
// Geometry (top view, as in lib/field): the device's reference point at the origin, beam axis along +y. A walker follows
// a straight line parallel to the x axis at perpendicular distance d on one side (y = ±d), in either direction.
// Dose to a walker = ∫ rate(r(t)) · beamOn(t) dt, integrated by composite Simpson's rule over each stretch of time in
// which the beam is on and the walker is within `range_m`; no allocation per person.
import {angleOf, parameterIndices, modelRate, type DoseFieldModel} from "../field/formulas.js";
import {poisson, streams, type Streams} from "./random.js";
import {quantileOfSorted} from "./stats.js";

export interface OperatorPost {
  name: string;
  distance_m: number;
  /** Angle from the beam axis in degrees; matters only for a field with sectors. Default 180 (behind the beam). */
  angle_deg?: number;
  shift_h: number;
}

export interface CheckpointParameters {
  /** Length of the deployment (h). */
  deployment_h: number;
  vehiclesPerHour: number;
  /** Vehicle speed through the scan (m/s). */
  scanSpeed_m_per_s: number;
  vehicleLength_m: number;
  /** Beam-on time per scan (s); default vehicleLength_m / scanSpeed_m_per_s (the beam is on while the vehicle passes). */
  beamOnPerScan_s?: number;
  /** Nearest approach of the public to the device's reference point (m). */
  cordon_m: number;
  /** Walkers' perpendicular distance is uniform on [cordon_m, cordon_m + cordonDepth_m]. */
  cordonDepth_m: number;
  /** Poisson arrival rate of walkers (people per hour). */
  pedestrianRate_per_h: number;
  walkingSpeedMean_m_per_s: number;
  walkingSpeedSd_m_per_s: number;
  /** Slowest walker modelled: slower draws are redrawn (a standing person is not a walker). */
  walkingSpeedMin_m_per_s: number;
  /** Distance beyond which the rate is neglected (m). */
  range_m: number;
  operators: OperatorPost[];
  /** Fixed number of walkers instead of a Poisson count (for tests and benchmarks). */
  people?: number;
}

export const FEET_TO_M = 0.3048; // exact, by definition of the international foot

/**
 * Defaults for a checkpoint of the kind the policy describes, each with its reason. They are illustrative: a page or a
 * CLI user sets the ones they know.
 */
export const DEFAULT_CHECKPOINT: CheckpointParameters = {
  // A presidential visit or a General Assembly session keeps a checkpoint open for some hours.
  deployment_h: 4,
  // One vehicle every two minutes: a steady screened queue.
  vehiclesPerHour: 30,
  // 5 km/h: the speed of the manufacturer's per-scan dose statement [ASE-2015] (grade C).
  scanSpeed_m_per_s: 5 / 3.6,
  // A passenger car.
  vehicleLength_m: 5,
  // The policy's 10 ft point: the public is assumed kept at least that far from the device.
  cordon_m: 10 * FEET_TO_M,
  // A sidewalk and roadway band beyond the cordon.
  cordonDepth_m: 10,
  pedestrianRate_per_h: 600,
  // Adult comfortable gait speed about 1.3–1.4 m/s with a spread of about 0.25 m/s (gait-speed literature; illustrative).
  walkingSpeedMean_m_per_s: 1.34,
  walkingSpeedSd_m_per_s: 0.26,
  walkingSpeedMin_m_per_s: 0.3,
  // At 50 m the inverse-square rate is below 1/250 of its value at the 10 ft cordon.
  range_m: 50,
  operators: [
    {name: "operator at the van", distance_m: 5 * FEET_TO_M, angle_deg: 180, shift_h: 8},
    {name: "officer at the cordon", distance_m: 10 * FEET_TO_M, angle_deg: 90, shift_h: 8}
  ]
};

export interface Limit {
  id: string;
  value_uSv: number;
  applies: string;
  source: string;
  grade: string;
  /** A reference level (the negligible dose) is for scale: being above it is not a breach. */
  role: "compliance" | "reference";
}

/** Limits of data/limits.json that a checkpoint's doses are held against, with their sources' bibliography ids. */
export const CHECKPOINT_LIMITS = {
  publicHour: {
    id: "L7",
    value_uSv: 20,
    applies: "any unrestricted area, in any one hour (cumulative over 60 consecutive minutes)",
    source: "10 CFR 20.1301(a)(2) [10CFR20] [NRC-HPPOS]",
    grade: "A",
    role: "compliance"
  },
  publicYear: {id: "L6", value_uSv: 1000, applies: "member of the public, per year", source: "10 CFR 20.1301(a)(1) [10CFR20]", grade: "A", role: "compliance"},
  negligibleYear: {
    id: "L13",
    value_uSv: 10,
    applies: "negligible individual dose, per year (a reference level, not a limit)",
    source: "NCRP's negligible individual dose [NCRP-116] [IAEA-RS-G-1.7]",
    grade: "B",
    role: "reference"
  },
  operatorYear: {
    id: "L4",
    value_uSv: 1000,
    applies: "operators and bystanders outside the inspection zone, per year",
    source: "ANSI/HPS N43.17-2009 as summarised by US Army Public Health Command (2011) [ANSI-N43.17]",
    grade: "B",
    role: "compliance"
  }
} satisfies Record<string, Limit>;

export interface Schedule {
  /** Time between scan starts (s). */
  period_s: number;
  /** Beam-on time at the start of each period (s). */
  beamOn_s: number;
  /** End of the deployment (s); the beam is off after it. */
  end_s: number;
}

export interface Walker {
  distance_m: number;
  speed_m_per_s: number;
  /** Time (s) at which the walker enters the range circle. */
  start_s: number;
  /** +1: path at y = +d (beam side); −1: y = −d. */
  side?: number;
  /** +1: walks towards +x; −1: towards −x. */
  direction?: number;
}

interface CompiledModel {
  model: DoseFieldModel["model"];
  scale: number;
  shape: number;
  mu: number;
  buildup: DoseFieldModel["buildup"];
}

/** The nominal parameters pulled out once, so the inner loop does no name lookups. */
interface CompiledField {
  all: CompiledModel;
  /** Sector models by lower edge and width (degrees); empty for an isotropic field. */
  sectors: {lower_deg: number; width_deg: number; model: CompiledModel}[];
}

function compileModel(field: DoseFieldModel): CompiledModel {
  const {scale, shape} = parameterIndices(field);
  const names = field.parameterNames;
  return {
    model: field.model,
    scale: field.parameters[names[scale]!]!,
    shape: shape < 0 ? 0 : field.parameters[names[shape]!]!,
    mu: field.mu_per_m ?? 0,
    buildup: field.buildup
  };
}

function compile(field: DoseFieldModel): CompiledField {
  return {
    all: compileModel(field),
    sectors: (field.sectors ?? []).map((s) => ({lower_deg: s.centre_deg - s.width_deg / 2, width_deg: s.width_deg, model: compileModel(s.field)}))
  };
}

function modelAtAngle(f: CompiledField, angle_deg: number): CompiledModel {
  for (const s of f.sectors) {
    if ((((angle_deg - s.lower_deg) % 360) + 360) % 360 < s.width_deg) return s.model;
  }
  return f.all;
}

function rateAtPoint(f: CompiledField, x: number, y: number): number {
  const r = Math.sqrt(x * x + y * y);
  const m = f.sectors.length === 0 ? f.all : modelAtAngle(f, angleOf(x, y));
  return modelRate(m.model, m.scale, m.shape, m.mu, r, m.buildup);
}

// Simpson steps per characteristic passage time d/v: the rate along the path is a Lorentzian of that width, and
// eight steps per width keep the quadrature error below 10⁻⁴ of the dose (checked against the closed form in tests).
const STEPS_PER_WIDTH = 8;
const MAX_STEPS = 4096;

function walkerDoseCompiled(f: CompiledField, w: Walker, schedule: Schedule, range_m: number): number {
  const d = w.distance_m;
  if (d >= range_m) return 0;
  const v = w.speed_m_per_s;
  const y = (w.side ?? 1) * d;
  const dir = w.direction ?? 1;
  const halfLength = Math.sqrt(range_m * range_m - d * d);
  const t0 = w.start_s;
  const t1 = Math.min(t0 + (2 * halfLength) / v, schedule.end_s);
  const x0 = -dir * halfLength;
  const h = d / v / STEPS_PER_WIDTH;
  const P = schedule.period_s;
  let dose_uSv_h_s = 0;
  for (let k = Math.max(0, Math.floor(t0 / P)); k * P < t1; k++) {
    const a = Math.max(t0, k * P);
    const c = Math.min(t1, k * P + schedule.beamOn_s);
    if (c <= a) continue;
    let n = Math.ceil((c - a) / h);
    n = Math.min(MAX_STEPS, n + (n % 2) + (n === 0 ? 2 : 0));
    const step = (c - a) / n;
    let sum = rateAtPoint(f, x0 + dir * v * (a - t0), y) + rateAtPoint(f, x0 + dir * v * (c - t0), y);
    for (let i = 1; i < n; i++) {
      const t = a + i * step;
      sum += (i % 2 === 1 ? 4 : 2) * rateAtPoint(f, x0 + dir * v * (t - t0), y);
    }
    dose_uSv_h_s += (sum * step) / 3;
  }
  // Rate in µSv/h times seconds: divide by 3600 s/h.
  return dose_uSv_h_s / 3600;
}

/** Dose (µSv) to one walker on a straight path, for a given beam schedule; the building block of the simulation. */
export function walkerDose(field: DoseFieldModel, walker: Walker, schedule: Schedule, range_m: number): number {
  check("distance_m", walker.distance_m, true);
  check("speed_m_per_s", walker.speed_m_per_s, true);
  check("range_m", range_m, true);
  return walkerDoseCompiled(compile(field), walker, schedule, range_m);
}

export interface OperatorResult {
  name: string;
  distance_m: number;
  shift_h: number;
  dosePerShift_uSv: number;
  /** Dose in the worst hour of the shift (µSv), against the public hourly limit L7. */
  dosePerHour_uSv: number;
  /** Shifts a year that would reach the operators' annual limit L4. */
  shiftsToAnnualLimit: number;
}

export interface CheckpointResult {
  parameters: CheckpointParameters;
  schedule: Schedule;
  beamOnFraction: number;
  scans: number;
  people: number;
  /** Dose (µSv) of each walker, in arrival order. */
  doses_uSv: Float64Array;
  mean_uSv: number;
  p95_uSv: number;
  p99_uSv: number;
  p999_uSv: number;
  max_uSv: number;
  /** Sum of the walkers' doses (person·µSv). */
  collective_personUSv: number;
  /** Walkers whose single passage is above the negligible individual dose of a year (10 µSv, L13). */
  aboveNegligible: number;
  /**
   * Dose (µSv) in any one hour to a person continuously present at the cordon in the direction of the highest rate:
   * what the hourly limit L7 is about (a passer-by is there for seconds, not an hour).
   */
  cordonHour_uSv: number;
  operators: OperatorResult[];
  limits: typeof CHECKPOINT_LIMITS;
  /** Each simulated dose against the limit that applies to it. */
  checks: LimitCheck[];
}

export interface LimitCheck {
  quantity: string;
  value_uSv: number;
  limit: Limit;
  exceeded: boolean;
}

function check(name: string, value: number, positive: boolean): void {
  if (!Number.isFinite(value) || (positive ? !(value > 0) : !(value >= 0))) {
    throw new Error(`${name} must be a finite number ${positive ? "> 0" : "≥ 0"}, got ${value}`);
  }
}

export function scheduleOf(p: CheckpointParameters): Schedule {
  const period_s = 3600 / p.vehiclesPerHour;
  const beamOn_s = p.beamOnPerScan_s ?? p.vehicleLength_m / p.scanSpeed_m_per_s;
  if (beamOn_s > period_s) {
    throw new Error(
      `beam-on time per scan (${beamOn_s} s) is longer than the time between vehicles (${period_s} s): lower vehiclesPerHour or the beam-on time`
    );
  }
  return {period_s, beamOn_s, end_s: p.deployment_h * 3600};
}

function validate(p: CheckpointParameters): void {
  for (const key of ["deployment_h", "vehiclesPerHour", "scanSpeed_m_per_s", "vehicleLength_m", "cordon_m", "walkingSpeedMean_m_per_s", "walkingSpeedMin_m_per_s", "range_m"] as const) {
    check(key, p[key], true);
  }
  for (const key of ["cordonDepth_m", "pedestrianRate_per_h", "walkingSpeedSd_m_per_s"] as const) check(key, p[key], false);
  if (p.beamOnPerScan_s !== undefined) check("beamOnPerScan_s", p.beamOnPerScan_s, false);
  if (p.people !== undefined && !(Number.isInteger(p.people) && p.people >= 0)) throw new Error(`people must be an integer ≥ 0, got ${p.people}`);
  for (const o of p.operators) {
    check(`operator "${o.name}" distance_m`, o.distance_m, true);
    check(`operator "${o.name}" shift_h`, o.shift_h, true);
  }
}

function walkingSpeed(p: CheckpointParameters, s: Streams): number {
  for (let i = 0; i < 1000; i++) {
    const v = p.walkingSpeedMean_m_per_s + p.walkingSpeedSd_m_per_s * s.normal();
    if (v >= p.walkingSpeedMin_m_per_s) return v;
  }
  throw new Error("walking speed distribution leaves almost no speed above walkingSpeedMin_m_per_s");
}

/** Seeded person-by-person simulation of a checkpoint deployment against the nominal dose field. */
export function simulateCheckpoint(field: DoseFieldModel, parameters: Partial<CheckpointParameters>, seed: number): CheckpointResult {
  const p: CheckpointParameters = {...DEFAULT_CHECKPOINT, ...parameters};
  validate(p);
  const f = compile(field);
  const schedule = scheduleOf(p);
  const s = streams(seed);
  const people = p.people ?? poisson(p.pedestrianRate_per_h * p.deployment_h, s);
  const doses = new Float64Array(people);
  const walker: Walker = {distance_m: 0, speed_m_per_s: 0, start_s: 0, side: 1, direction: 1};
  let collective = 0;
  let aboveNegligible = 0;
  const negligible = CHECKPOINT_LIMITS.negligibleYear.value_uSv;
  for (let i = 0; i < people; i++) {
    walker.start_s = s.uniform() * schedule.end_s;
    walker.distance_m = p.cordon_m + s.uniform() * p.cordonDepth_m;
    walker.speed_m_per_s = walkingSpeed(p, s);
    walker.side = s.uniform() < 0.5 ? -1 : 1;
    walker.direction = s.uniform() < 0.5 ? -1 : 1;
    const dose = walkerDoseCompiled(f, walker, schedule, p.range_m);
    doses[i] = dose;
    collective += dose;
    if (dose > negligible) aboveNegligible++;
  }
  const sorted = Float64Array.from(doses).sort();
  const q = (x: number) => (people === 0 ? 0 : quantileOfSorted(sorted, x));
  const beamOnFraction = schedule.beamOn_s / schedule.period_s;
  const operators = p.operators.map((o): OperatorResult => {
    const m = modelAtAngle(f, o.angle_deg ?? 180);
    const rate = modelRate(m.model, m.scale, m.shape, m.mu, o.distance_m, m.buildup);
    // A post is fixed, so its dose is the rate times the beam-on time; the schedule is periodic, so every whole hour
    // holds the same beam-on time (fraction × 3600 s) up to at most one partial scan, which the fraction averages.
    const dosePerHour_uSv = rate * beamOnFraction;
    const dosePerShift_uSv = dosePerHour_uSv * Math.min(o.shift_h, p.deployment_h);
    return {
      name: o.name,
      distance_m: o.distance_m,
      shift_h: o.shift_h,
      dosePerShift_uSv,
      dosePerHour_uSv,
      shiftsToAnnualLimit: dosePerShift_uSv > 0 ? CHECKPOINT_LIMITS.operatorYear.value_uSv / dosePerShift_uSv : Infinity
    };
  });
  const max_uSv = people === 0 ? 0 : sorted[people - 1]!;
  // The hourly limit is about a person present through the hour: someone standing at the cordon, in the direction of
  // the highest rate (the sector models and the all-angle one), receiving rate × beam-on fraction every hour.
  const cordonModels = [f.all, ...f.sectors.map((x) => x.model)];
  const cordonRate = Math.max(...cordonModels.map((m) => modelRate(m.model, m.scale, m.shape, m.mu, p.cordon_m, m.buildup)));
  const cordonHour_uSv = cordonRate * beamOnFraction;
  const against = (quantity: string, value_uSv: number, limit: Limit): LimitCheck => ({quantity, value_uSv, limit, exceeded: value_uSv > limit.value_uSv});
  // A passer-by is near the van for seconds: their passage is part of their year (L6), and is set beside the negligible
  // dose of a year (L13, a reference level). The hourly limit (L7) is checked for a person who stays at the cordon.
  // An operator's post is outside the inspection zone.
  const checks = [
    against("a person standing at the cordon: dose in any one hour", cordonHour_uSv, CHECKPOINT_LIMITS.publicHour),
    against("largest dose to a passer-by (one passage), as part of a year", max_uSv, CHECKPOINT_LIMITS.publicYear),
    against("largest dose to a passer-by (one passage), beside the negligible dose of a year", max_uSv, CHECKPOINT_LIMITS.negligibleYear),
    ...operators.flatMap((o) => [
      against(`${o.name}: dose in one hour`, o.dosePerHour_uSv, CHECKPOINT_LIMITS.publicHour),
      against(`${o.name}: dose per shift`, o.dosePerShift_uSv, CHECKPOINT_LIMITS.operatorYear)
    ])
  ];
  return {
    parameters: p,
    schedule,
    beamOnFraction,
    scans: Math.ceil(schedule.end_s / schedule.period_s),
    people,
    doses_uSv: doses,
    mean_uSv: people === 0 ? 0 : collective / people,
    p95_uSv: q(0.95),
    p99_uSv: q(0.99),
    p999_uSv: q(0.999),
    max_uSv,
    collective_personUSv: collective,
    aboveNegligible,
    cordonHour_uSv,
    operators,
    limits: CHECKPOINT_LIMITS,
    checks
  };
}
