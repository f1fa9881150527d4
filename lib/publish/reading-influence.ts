// The influence check for the command line (validate, fit): the readings of each device fitted as the site fits them,
// and the policy points' upper bounds (5 ft and 10 ft for 10 s) recomputed without each reading that could move them.
// The site's build checks more figures (exclusion distances, verdicts: lib/publish/publication.ts), which need the
// certificates and the deployment log.
import type {Problem} from "../io/problems.js";
import {airContext, readingsToPoints, type FitPoint, type ModelContext} from "../models/index.js";
import {convertDose} from "../physics/index.js";
import type {Reading} from "../readings/types.js";
import {conservativeEstimator, fitDevice, usableModels, type DeviceModels} from "./device-models.js";
import {describeEffect, readingInfluence, type DeviceInfluence, type Figure} from "./influence.js";
import {ASSUMED_EFFECTIVE_ENERGY_KEV} from "../programme/assumptions.js";
import {POLICY_FIGURES} from "./publication.js";

/** The policy points' upper bounds of a device's models, as the influence check compares them. */
export function policyPointFigures(models: DeviceModels): Figure[] {
  if (usableModels(models).length === 0) return [];
  const estimate = conservativeEstimator(models);
  return POLICY_FIGURES.map((f) => {
    const e = estimate({distance_m: f.distance_m, duration_s: f.duration_s});
    return {
      id: `policy:${f.label}`, label: `upper bound at ${f.label}`, unit: "µSv", value: e.upper95_uSv,
      uncertainty: e.upper95_uSv !== null && e.dose_uSv !== null ? e.upper95_uSv - e.dose_uSv : null, verdict: null
    };
  });
}

/** The influence of each reading of one device's fit points on its policy points. */
export function deviceInfluence(device_id: string, points: readonly FitPoint[], ctx: ModelContext): DeviceInfluence {
  return readingInfluence(fitDevice(device_id, points, ctx), points, policyPointFigures);
}

/**
 * A warning for every reading that alone decides a policy point of its device, at the reading's file and line. Readings
 * of air kerma or exposure are converted at `energy_keV` (default 60 keV); readings that cannot become fit points are
 * left to validation, which reports them.
 */
export function influenceWarnings(readings: readonly Reading[], energy_keV = ASSUMED_EFFECTIVE_ENERGY_KEV): Problem[] {
  const problems: Problem[] = [];
  const ctx = airContext(energy_keV);
  const byLine = new Map(readings.map((r) => [r.reading_id, r]));
  for (const device_id of [...new Set(readings.map((r) => r.device_id))].sort()) {
    const own = readings.filter((r) => r.device_id === device_id);
    // Converting can only fail for an energy outside the tables, which airContext has already refused above.
    const {points} = readingsToPoints(own, {toDoseEquivalent: (v, r) => convertDose(v, r.quantity, "H*(10)", {effectiveEnergy_keV: energy_keV}).value});
    for (const r of deviceInfluence(device_id, points, ctx).influential) {
      const reading = byLine.get(r.reading_id);
      problems.push({
        severity: "warning", file: reading?.source.file ?? r.source, ...(reading ? {line: reading.source.line} : {}), column: "dose",
        message: `this reading alone decides a published figure of ${device_id}; removing it moves ${r.effects.map(describeEffect).join("; ")}: check it, and keep it only if it was really measured so`
      });
    }
  }
  return problems;
}
