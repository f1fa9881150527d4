// Each device's output constancy chart (lib/models/constancy.ts) as published, and the warnings it raises: the output
// at 1 m on the beam side (the 0° sector's selected model; all angles when no reading states a direction), per calendar
// quarter and per calibration period (from each certificate to the next).
import {calibrationPeriods, constancyChart, quartersBetween, type DatedPoint} from "../models/constancy.js";
import type {Certificate} from "../certificates/types.js";
import type {Problem} from "../io/problems.js";
import {sectorLabel} from "./device-models.js";
import type {DeviceAnalysis} from "./publication.js";
import type {PublishedConstancy} from "./types.js";

/** Where the output is compared: 1 m, on the side the beam points to. */
export const CONSTANCY_DISTANCE_M = 1;
export const BEAM_SIDE_SECTOR = "0°";

const fmt = (v: number) => String(Number(v.toPrecision(3)));

export function deviceConstancy(a: DeviceAnalysis, certificates: readonly Certificate[]): {chart: PublishedConstancy; problems: Problem[]} {
  const none = (reason: string) => ({
    chart: {device_id: a.device_id, basis: null, reference_distance_m: CONSTANCY_DISTANCE_M, pooled_uSv_per_h: null, scale: null, left_out: 0, points: [], reason},
    problems: []
  });
  if (a.points.length === 0) return none(`device ${a.device_id} has no readings to fit`);
  const anyAngle = a.points.some((p) => p.angle_deg !== null);
  const group = anyAngle ? a.models.groups.find((g) => g.sector === BEAM_SIDE_SECTOR) : a.models.groups.find((g) => g.sector === null);
  if (!group?.selected) {
    return none(anyAngle
      ? `no usable fit on the beam side (the ${BEAM_SIDE_SECTOR} sector)${group?.reason ? `: ${group.reason}` : ": no reading in it"}`
      : `no usable fit of ${a.device_id}: ${group?.reason ?? "no readings"}`);
  }
  const fit = group.selected;
  const day = new Map(a.readings.map((r) => [r.reading_id, r.measured_at.slice(0, 10)]));
  const points = group.sector === null ? a.points : a.points.filter((p) => sectorLabel(p.angle_deg) === group.sector);
  const dated: DatedPoint[] = points.map((p) => ({point: p, day: day.get(p.reading_id)!}));
  const days = dated.map((d) => d.day).sort();
  const periods = [
    ...quartersBetween(days[0]!, days.at(-1)!),
    ...calibrationPeriods(certificates.filter((c) => c.device_id === a.device_id), days[0]!)
  ];
  const chart = constancyChart(fit, dated, periods, CONSTANCY_DISTANCE_M);
  if (!chart) return none(`no reading of the beam side of ${a.device_id} above detection and within 3σ of its model`);
  const basis = `${group.sector === null ? "all angles (no reading states a direction)" : `the ${group.sector} sector (beam side)`}, ${fit.model}`;
  const problems: Problem[] = chart.points.filter((p) => p.out_of_control).map((p) => ({
    severity: "warning", code: "output-constancy", file: p.first?.file ?? a.readings[0]!.source.file, ...(p.first ? {line: p.first.line} : {}),
    message: `device ${a.device_id}'s output at ${CONSTANCY_DISTANCE_M} m on the beam side in ${p.label} (${p.n} readings) is ${fmt(p.output_uSv_per_h)} µSv/h, ` +
      `${fmt(Math.abs(p.z))}σ ${p.z > 0 ? "above" : "below"} the pooled ${fmt(chart.pooled_uSv_per_h)} µSv/h (${p.beyond === "3σ" ? "beyond the ±3σ control limits" : "beyond ±2σ in two of three consecutive periods"}): ` +
      "check the device's output (tube settings, filtration) and the dosimeters of that period against its certificate"
  }));
  return {
    chart: {
      device_id: a.device_id, basis, reference_distance_m: chart.reference_distance_m, pooled_uSv_per_h: chart.pooled_uSv_per_h, scale: chart.scale, left_out: chart.left_out,
      points: chart.points.map(({first, ratio, ...p}) => p), reason: null
    },
    problems
  };
}
