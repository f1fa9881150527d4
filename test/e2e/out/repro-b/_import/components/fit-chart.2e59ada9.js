import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { accessibleFigure } from "./figure.207e04b0.js";
export function fitChart(points, curves, { width = 640, height = 420, summary }) {
  const measured = points.filter((p) => !p.censored && p.rate_uSv_per_h > 0);
  const censored = points.filter((p) => p.censored && p.rate_uSv_per_h > 0);
  const bands = curves.flatMap((c) => c.points.map((p) => ({ ...p, model: c.model })));
  const chart = Plot.plot({
    width,
    height,
    x: { type: "log", label: "Distance from the device (m) \u2192", grid: true },
    y: { type: "log", label: "\u2191 Net dose rate (\xB5Sv/h)", grid: true },
    color: { legend: true, domain: curves.map((c) => c.model) },
    symbol: { legend: true, domain: ["reading", "below detection limit", "beyond 3\u03C3"], range: ["circle", "triangle", "times"] },
    marks: [
      Plot.areaY(bands, { x: "distance_m", y1: "lower95_uSv_per_h", y2: "upper95_uSv_per_h", fill: "model", fillOpacity: 0.15 }),
      Plot.line(bands, { x: "distance_m", y: "rate_uSv_per_h", stroke: "model", strokeWidth: 2 }),
      Plot.ruleX(measured, {
        x: "distance_m",
        y1: (p) => Math.max(p.rate_uSv_per_h - p.sigma_uSv_per_h, p.rate_uSv_per_h / 10),
        y2: (p) => p.rate_uSv_per_h + p.sigma_uSv_per_h,
        stroke: "#888",
        strokeOpacity: 0.5
      }),
      Plot.dot(measured, { x: "distance_m", y: "rate_uSv_per_h", symbol: (p) => p.flagged ? "beyond 3\u03C3" : "reading", r: 2.5, stroke: (p) => p.flagged ? "#b42318" : "#333", tip: true, title: (p) => `${p.reading_id}
${p.distance_m.toFixed(2)} m, ${p.rate_uSv_per_h.toPrecision(3)} \xB1 ${p.sigma_uSv_per_h.toPrecision(2)} \xB5Sv/h` }),
      Plot.dot(censored, { x: "distance_m", y: "rate_uSv_per_h", symbol: "below detection limit", r: 3, stroke: "#777" })
    ]
  });
  return accessibleFigure(chart, { summary });
}
export function residualChart(residuals, { width = 640, height = 240, summary }) {
  const chart = Plot.plot({
    width,
    height,
    x: { type: "log", label: "Distance from the device (m) \u2192" },
    y: { label: "\u2191 Normalised residual (\u03C3)", grid: true },
    marks: [
      Plot.ruleY([-3, 3], { stroke: "#b42318", strokeDasharray: "4 3" }),
      Plot.ruleY([0]),
      Plot.dot(residuals, { x: "distance_m", y: "normalised", r: 2, stroke: (r) => r.flagged ? "#b42318" : "#333", tip: true, title: (r) => `${r.reading_id}: ${r.normalised.toFixed(2)}\u03C3` })
    ]
  });
  return accessibleFigure(chart, { summary });
}
