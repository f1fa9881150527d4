// Readings and fitted models on log–log axes: the RSO's main view of a device. Inverse square is a straight line
// of slope −2 on these axes, so departures from it are easy to see.
import * as Plot from "@observablehq/plot";
import {accessibleFigure} from "./figure.js";
import {doseAxis} from "./format.js";
import type {UnitSystem} from "./units.js";

export interface ChartPoint {
  reading_id: string;
  distance_m: number;
  rate_uSv_per_h: number;
  sigma_uSv_per_h: number;
  /** Below the minimum detectable dose: drawn as an upper limit (open triangle at the MDL rate), not as a value. */
  censored: boolean;
  /** Normalised residual beyond 3σ. */
  flagged: boolean;
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

export function fitChart(points: readonly ChartPoint[], curves: readonly ChartCurve[], {width = 640, height = 420, summary, units = "si"}: {width?: number; height?: number; summary: string; units?: UnitSystem}): HTMLElement {
  // Rates in the reader's units: every rate scaled once here, the tips say which unit.
  const {factor, unit, note} = doseAxis(units);
  const scale = <T extends {rate_uSv_per_h: number}>(p: T) => ({...p, rate_uSv_per_h: p.rate_uSv_per_h * factor, sigma_uSv_per_h: ("sigma_uSv_per_h" in p ? (p.sigma_uSv_per_h as number) : 0) * factor});
  const measured = points.filter((p) => !p.censored && p.rate_uSv_per_h > 0).map(scale);
  const censored = points.filter((p) => p.censored && p.rate_uSv_per_h > 0).map(scale);
  const bands = curves.flatMap((c) => c.points.map((p) => ({...p, rate_uSv_per_h: p.rate_uSv_per_h * factor, lower95_uSv_per_h: p.lower95_uSv_per_h * factor, upper95_uSv_per_h: p.upper95_uSv_per_h * factor, model: c.model})));
  const chart = Plot.plot({
    width,
    height,
    x: {type: "log", label: "Distance from the device (m) →", grid: true},
    y: {type: "log", label: `↑ Net dose rate (${note}/h)`, grid: true},
    color: {legend: true, domain: curves.map((c) => c.model)},
    symbol: {legend: true, domain: ["reading", "below detection limit", "beyond 3σ"], range: ["circle", "triangle", "times"]},
    marks: [
      Plot.areaY(bands, {x: "distance_m", y1: "lower95_uSv_per_h", y2: "upper95_uSv_per_h", fill: "model", fillOpacity: 0.15}),
      Plot.line(bands, {x: "distance_m", y: "rate_uSv_per_h", stroke: "model", strokeWidth: 2}),
      Plot.ruleX(measured, {
        x: "distance_m",
        y1: (p: ChartPoint) => Math.max(p.rate_uSv_per_h - p.sigma_uSv_per_h, p.rate_uSv_per_h / 10),
        y2: (p: ChartPoint) => p.rate_uSv_per_h + p.sigma_uSv_per_h,
        stroke: "#888",
        strokeOpacity: 0.5
      }),
      Plot.dot(measured, {x: "distance_m", y: "rate_uSv_per_h", symbol: (p: ChartPoint) => (p.flagged ? "beyond 3σ" : "reading"), r: 2.5, stroke: (p: ChartPoint) => (p.flagged ? "#b42318" : "#333"), tip: true, title: (p: ChartPoint) => `${p.reading_id}\n${p.distance_m.toFixed(2)} m, ${p.rate_uSv_per_h.toPrecision(3)} ± ${p.sigma_uSv_per_h.toPrecision(2)} ${unit}/h`}),
      Plot.dot(censored, {x: "distance_m", y: "rate_uSv_per_h", symbol: "below detection limit", r: 3, stroke: "#777"})
    ]
  }) as Element;
  return accessibleFigure(chart, {summary});
}

export interface ResidualPoint {
  reading_id: string;
  distance_m: number;
  normalised: number;
  flagged: boolean;
}

/** Normalised residuals (observed − predicted) / σ against distance, with the ±3σ flag lines. */
export function residualChart(residuals: readonly ResidualPoint[], {width = 640, height = 240, summary}: {width?: number; height?: number; summary: string}): HTMLElement {
  const chart = Plot.plot({
    width,
    height,
    x: {type: "log", label: "Distance from the device (m) →"},
    y: {label: "↑ Normalised residual (σ)", grid: true},
    marks: [
      Plot.ruleY([-3, 3], {stroke: "#b42318", strokeDasharray: "4 3"}),
      Plot.ruleY([0]),
      Plot.dot(residuals, {x: "distance_m", y: "normalised", r: 2, stroke: (r: ResidualPoint) => (r.flagged ? "#b42318" : "#333"), tip: true, title: (r: ResidualPoint) => `${r.reading_id}: ${r.normalised.toFixed(2)}σ`})
    ]
  }) as Element;
  return accessibleFigure(chart, {summary});
}
