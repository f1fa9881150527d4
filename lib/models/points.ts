// Field readings → fit points: net dose rate and its 1-sigma uncertainty, in µSv/h.
import type {Problem} from "../io/problems.js";
import type {Reading} from "../readings/types.js";
import type {FitPoint} from "./types.js";

/**
 * Relative 1-sigma uncertainty assumed for a reading that states none: 20 % of the gross dose. An assumption of
 * this product (typical of passive dosimeters at low doses), not a standard's figure; override per run.
 */
export const DEFAULT_RELATIVE_SIGMA = 0.2;

export interface PointOptions {
  /** Relative 1σ assumed when a reading states no uncertainty. */
  defaultRelativeSigma?: number;
  /**
   * Converts a reading's air kerma (µGy) or exposure (µR) to a dose equivalent in µSv at a stated effective
   * energy (lib/physics convertDose). Without it such readings are refused: the conversion is physics, not units.
   */
  toDoseEquivalent?: (value: number, reading: Reading) => number;
  /**
   * For a reading whose duration is elapsed time (`duration_basis` = elapsed): the fraction of that time the beam was
   * on, from the deployment that covers the reading. Without it, or when it returns null, such a reading is refused:
   * its beam-on time, and so its dose rate, cannot be determined.
   */
  beamOnFraction?: (reading: Reading) => {fraction: number; basis: string} | null;
}

export interface PointsResult {
  points: FitPoint[];
  problems: Problem[];
}

const SECONDS_PER_HOUR = 3600;

export function readingsToPoints(readings: readonly Reading[], options: PointOptions = {}): PointsResult {
  const relative = options.defaultRelativeSigma ?? DEFAULT_RELATIVE_SIGMA;
  const points: FitPoint[] = [];
  const problems: Problem[] = [];
  const quantities = new Set<string>();
  for (const reading of readings) {
    const where = {file: reading.source.file, line: reading.source.line};
    let toUSv: (value: number) => number;
    if (reading.unit === "uSv") {
      toUSv = (v) => v;
    } else if (options.toDoseEquivalent) {
      const convert = options.toDoseEquivalent;
      toUSv = (v) => convert(v, reading);
    } else {
      problems.push({
        severity: "error", ...where, column: "quantity",
        message: `reading ${reading.reading_id} is ${reading.quantity} in ${reading.unit}; the models fit a dose equivalent (µSv), so give H*(10), Hp(10) or effective dose, or state the effective photon energy so it can be converted`
      });
      continue;
    }
    if (!(reading.distance_m > 0)) {
      problems.push({severity: "error", ...where, column: "distance", message: `reading ${reading.reading_id} is at ${reading.distance_m} m; a fit needs a positive distance from the device's reference point`});
      continue;
    }
    if (!(reading.duration_s > 0)) {
      problems.push({severity: "error", ...where, column: "duration", message: `reading ${reading.reading_id} lasts ${reading.duration_s} s; a dose rate needs a positive duration`});
      continue;
    }
    // The rate is per hour of beam-on time: an elapsed-time reading is converted with its deployment's beam-on fraction.
    let beamOn_s = reading.duration_s;
    if (reading.duration_basis === "elapsed") {
      const f = options.beamOnFraction?.(reading) ?? null;
      if (f === null || !(f.fraction > 0 && f.fraction <= 1)) {
        problems.push({
          severity: "error", ...where, column: "duration_basis",
          message: `reading ${reading.reading_id} gives elapsed time, and ${f === null ? "no deployment of the log covers it" : `its deployment's beam-on fraction is ${f.fraction}`}, so its beam-on time cannot be determined; record the beam-on time and write duration_basis beam-on, or add the deployment (with its beam-on time) that covers the reading`
        });
        continue;
      }
      beamOn_s = reading.duration_s * f.fraction;
    }
    // Background is taken as exact: the reading format states no uncertainty for it, so σ(net) = σ(gross).
    let sigma = reading.uncertainty ?? relative * Math.abs(reading.gross);
    // A zero σ (a relative uncertainty of a zero dose, typically below the detection limit) would give the reading
    // infinite weight; the detection limit is then the honest scale of what the instrument could not see.
    if (!(sigma > 0) && reading.mdl !== null && reading.mdl > 0) sigma = reading.mdl;
    if (!(sigma > 0)) {
      problems.push({severity: "error", ...where, column: "uncertainty", message: `reading ${reading.reading_id} has no usable uncertainty (zero dose and none stated); state its 1-sigma uncertainty or its detection limit`});
      continue;
    }
    quantities.add(reading.quantity);
    const perHour = SECONDS_PER_HOUR / beamOn_s;
    points.push({
      reading_id: reading.reading_id,
      device_id: reading.device_id,
      distance_m: reading.distance_m,
      angle_deg: reading.angle_deg,
      rate_uSv_per_h: toUSv(reading.net) * perHour,
      sigma_uSv_per_h: toUSv(sigma) * perHour,
      censored: reading.censored,
      mdl_rate_uSv_per_h: reading.censored && reading.mdl !== null ? toUSv(reading.mdl) * perHour : null,
      source: reading.source,
      instrument: {
        // Never the dosimeter id in its place: without an instrument id it is a personal badge, restricted.
        id: reading.instrument_id,
        type: reading.instrument_type,
        calibration: reading.calibration_uncertainty,
        energyResponse: reading.energy_response_uncertainty
      }
    });
  }
  const mixed = mixedQuantitiesWarning(readings[0]?.source.file ?? "", [...quantities]);
  if (mixed) problems.push(mixed);
  return {points, problems};
}

/** The warning for readings of several quantities fitted together (quantities in order of first appearance). */
export function mixedQuantitiesWarning(file: string, quantities: readonly string[]): Problem | null {
  if (quantities.length <= 1) return null;
  return {
    severity: "warning", code: "mixed-quantities", file,
    message: `the readings mix ${quantities.join(", ")}; they are fitted together as µSv, which is only right if the instruments were calibrated for the same quantity`
  };
}
