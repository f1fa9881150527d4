// Readings and fitted models on log–log axes: the RSO's main view of a device. Inverse square is a straight line
// of slope −2 on these axes, so departures from it are easy to see. The readings are drawn as groups, one per distance
// (weighted mean and spread, lib/models/grouped.ts), with the flagged readings on their own: what a page draws grows
// with the distances measured, not with the readings (a monitor logs millions).
import * as Plot from "./plot.js";
import {accessibleFigure} from "./figure.js";
import {doseAxis} from "./format.js";
import type {UnitSystem} from "./units.js";
import type {PublishedGroup} from "../lib/publish/types.js";

/** The readings at one distance, as the chart draws them (lib/publish/types.ts PublishedGroup). */
export type ChartGroup = Pick<PublishedGroup,
  "distance_m" | "readings" | "censored" | "mean_rate_uSv_per_h" | "spread_uSv_per_h" | "min_rate_uSv_per_h" | "max_rate_uSv_per_h" | "mdl_rate_uSv_per_h" | "normalised">;

/** A reading beyond 3σ of its model, drawn on its own. */
export interface ChartReading {
  reading_id: string;
  distance_m: number;
  rate_uSv_per_h: number;
  sigma_uSv_per_h: number;
}

export interface CurvePoint {
  distance_m: number;
  rate_uSv_per_h: number;
  lower95_uSv_per_h: number;
  upper95_uSv_per_h: number;
}

export interface ChartCurve {
  model: string;
  points: CurvePoint[];
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export function fitChart(
  groups: readonly ChartGroup[], flagged: readonly ChartReading[], curves: readonly ChartCurve[],
  {width = 640, height = 420, summary, units = "si"}: {width?: number; height?: number; summary: string; units?: UnitSystem}
): HTMLElement {
  // Rates in the reader's units: every rate scaled once here, the tips say which unit.
  const {factor, unit, note} = doseAxis(units);
  const times = (v: number | null) => (v === null ? null : v * factor);
  const scaled = groups.map((g) => ({
    ...g, mean_rate_uSv_per_h: times(g.mean_rate_uSv_per_h), spread_uSv_per_h: times(g.spread_uSv_per_h), min_rate_uSv_per_h: times(g.min_rate_uSv_per_h),
    max_rate_uSv_per_h: times(g.max_rate_uSv_per_h), mdl_rate_uSv_per_h: times(g.mdl_rate_uSv_per_h)
  }));
  const measured = scaled.filter((g) => g.mean_rate_uSv_per_h !== null && g.mean_rate_uSv_per_h > 0);
  const limits = scaled.filter((g) => g.mdl_rate_uSv_per_h !== null && g.mdl_rate_uSv_per_h > 0);
  const shownFlagged = flagged.filter((r) => r.rate_uSv_per_h > 0).map((r) => ({...r, rate_uSv_per_h: r.rate_uSv_per_h * factor, sigma_uSv_per_h: r.sigma_uSv_per_h * factor}));
  const bands = curves.flatMap((c) => c.points.map((p) => ({
    ...p, rate_uSv_per_h: p.rate_uSv_per_h * factor, lower95_uSv_per_h: p.lower95_uSv_per_h * factor, upper95_uSv_per_h: p.upper95_uSv_per_h * factor, model: c.model
  })));
  const chart = Plot.plot({
    width,
    height,
    x: {type: "log", label: "Distance from the device (m) →", grid: true},
    y: {type: "log", label: `↑ Net dose rate (${note}/h)`, grid: true},
    color: {legend: true, domain: curves.map((c) => c.model)},
    symbol: {legend: true, domain: ["mean of the readings", "below detection limit", "reading beyond 3σ"], range: ["circle", "triangle", "times"]},
    marks: [
      Plot.areaY(bands, {x: "distance_m", y1: "lower95_uSv_per_h", y2: "upper95_uSv_per_h", fill: "model", fillOpacity: 0.15}),
      Plot.line(bands, {x: "distance_m", y: "rate_uSv_per_h", stroke: "model", strokeWidth: 2}),
      // The spread of the readings about their mean (one weighted standard deviation), kept on the log axis.
      Plot.ruleX(measured, {
        x: "distance_m",
        y1: (g: ChartGroup) => Math.max(g.mean_rate_uSv_per_h! - (g.spread_uSv_per_h ?? 0), g.mean_rate_uSv_per_h! / 10),
        y2: (g: ChartGroup) => g.mean_rate_uSv_per_h! + (g.spread_uSv_per_h ?? 0),
        stroke: "#888",
        strokeOpacity: 0.6
      }),
      Plot.dot(measured, {
        x: "distance_m", y: "mean_rate_uSv_per_h", symbol: () => "mean of the readings", r: 2.5, stroke: "#333", tip: true,
        title: (g: ChartGroup) => `${g.distance_m.toPrecision(3)} m: ${plural(g.readings, "reading")}, mean ${g.mean_rate_uSv_per_h!.toPrecision(3)} ± ${(g.spread_uSv_per_h ?? 0).toPrecision(2)} ${unit}/h` +
          (g.readings > 1 ? `\nfrom ${g.min_rate_uSv_per_h!.toPrecision(3)} to ${g.max_rate_uSv_per_h!.toPrecision(3)} ${unit}/h` : "") +
          (g.censored > 0 ? `\n${plural(g.censored, "reading")} below detection` : "")
      }),
      Plot.dot(limits, {x: "distance_m", y: "mdl_rate_uSv_per_h", symbol: () => "below detection limit", r: 3, stroke: "#777",
        title: (g: ChartGroup) => `${g.distance_m.toPrecision(3)} m: ${plural(g.censored, "reading")} below detection (limit up to ${g.mdl_rate_uSv_per_h!.toPrecision(2)} ${unit}/h)`}),
      Plot.dot(shownFlagged, {x: "distance_m", y: "rate_uSv_per_h", symbol: () => "reading beyond 3σ", r: 3, stroke: "#b42318", tip: true,
        title: (r: ChartReading) => `${r.reading_id}\n${r.distance_m.toFixed(2)} m, ${r.rate_uSv_per_h.toPrecision(3)} ± ${r.sigma_uSv_per_h.toPrecision(2)} ${unit}/h`})
    ]
  }) as Element;
  return accessibleFigure(chart, {summary});
}

/**
 * The mean at each distance against the model, in units of the mean's own uncertainty, with the ±3σ lines: a model
 * that fits leaves these scattered about zero.
 */
export function residualChart(groups: readonly ChartGroup[], {width = 640, height = 240, summary}: {width?: number; height?: number; summary: string}): HTMLElement {
  const shown = groups.filter((g) => g.normalised !== null);
  const chart = Plot.plot({
    width,
    height,
    x: {type: "log", label: "Distance from the device (m) →"},
    y: {label: "↑ Mean's residual (σ of the mean)", grid: true},
    marks: [
      Plot.ruleY([-3, 3], {stroke: "#b42318", strokeDasharray: "4 3"}),
      Plot.ruleY([0]),
      Plot.dot(shown, {x: "distance_m", y: "normalised", r: 2, stroke: (g: ChartGroup) => (Math.abs(g.normalised!) > 3 ? "#b42318" : "#333"), tip: true,
        title: (g: ChartGroup) => `${g.distance_m.toPrecision(3)} m (${plural(g.readings, "reading")}): ${g.normalised!.toFixed(2)}σ`})
    ]
  }) as Element;
  return accessibleFigure(chart, {summary});
}
