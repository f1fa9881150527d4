// The beam-on fraction of a deployment, for readings whose duration is elapsed time: the beam was on for beam_on_s of
// the deployment's (end − start), so an elapsed-time reading inside it saw that fraction of its duration as beam-on time.
import type {Deployment} from "./types.js";

export interface BeamOnFraction {
  fraction: number;
  /** Which deployment and what it assumes, for the answer to print. */
  basis: string;
}

/**
 * A lookup from a reading (device and instant) to the beam-on fraction of the deployment of that device covering it;
 * null when none covers it. The fraction is an average: it assumes the beam was on evenly through the deployment, which
 * is stated with every answer that uses it.
 */
export function beamOnFractionLookup(deployments: readonly Deployment[]): (reading: {device_id: string; measured_at_ms: number}) => BeamOnFraction | null {
  const byDevice = new Map<string, Deployment[]>();
  for (const d of deployments) byDevice.set(d.device_id, [...(byDevice.get(d.device_id) ?? []), d]);
  return (reading) => {
    // The format does not say whether measured_at opens or closes the reading: the deployment must contain that instant.
    const t = reading.measured_at_ms;
    const d = (byDevice.get(reading.device_id) ?? []).find((x) => x.start_ms <= t && t <= x.end_ms);
    if (!d || !(d.end_ms > d.start_ms)) return null;
    const fraction = d.beam_on_s / ((d.end_ms - d.start_ms) / 1000);
    return {
      fraction,
      basis: `deployment ${d.deployment_id}: beam on ${d.beam_on_s} s of ${(d.end_ms - d.start_ms) / 1000} s (fraction ${Number(fraction.toPrecision(3))}), assumed even over the deployment`
    };
  };
}
