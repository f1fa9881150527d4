// How often and how much the device was used: the council's question, and the multiplier from a dose per hour
// of beam to a dose per year.
import {rollups} from "d3-array";
import type {Deployment} from "./types.js";

export interface UsageTotals {
  count: number;
  vehicles: number;
  beam_on_s: number;
  /** Time deployed (end − start), summed. */
  deployed_s: number;
}

export interface DeploymentSummary extends UsageTotals {
  /** Per calendar month of the deployment's start, in its own local time (the date written in `start`). */
  by_month: ({month: string} & UsageTotals)[];
  by_device: ({device_id: string} & UsageTotals)[];
  by_event: ({event: string} & UsageTotals)[];
}

function totals(rows: readonly Deployment[]): UsageTotals {
  let vehicles = 0;
  let beamOn = 0;
  let deployed = 0;
  for (const d of rows) {
    vehicles += d.vehicles_scanned;
    beamOn += d.beam_on_s;
    deployed += (d.end_ms - d.start_ms) / 1000;
  }
  return {count: rows.length, vehicles, beam_on_s: beamOn, deployed_s: deployed};
}

const byKey = <T extends Record<K, string>, K extends string>(key: K) => (a: T, b: T) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);

/**
 * Totals over the deployments that start in [from, to) (either bound optional). A deployment is counted whole
 * in the period and month it starts in: deployments last hours, and splitting one at midnight would invent a
 * precision the log does not have.
 */
export function summariseDeployments(deployments: readonly Deployment[], range: {from?: Date; to?: Date} = {}): DeploymentSummary {
  const from = range.from?.getTime() ?? -Infinity;
  const to = range.to?.getTime() ?? Infinity;
  const rows = deployments.filter((d) => d.start_ms >= from && d.start_ms < to);
  return {
    ...totals(rows),
    by_month: rollups(rows, totals, (d) => d.start.slice(0, 7)).map(([month, t]) => ({month, ...t})).sort(byKey("month")),
    by_device: rollups(rows, totals, (d) => d.device_id).map(([device_id, t]) => ({device_id, ...t})).sort(byKey("device_id")),
    by_event: rollups(rows, totals, (d) => d.event).map(([event, t]) => ({event, ...t})).sort(byKey("event"))
  };
}
