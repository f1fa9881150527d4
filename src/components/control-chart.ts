// A control chart of a device's output: each period's output at the reference distance as a dot, against the pooled
// estimate (the centre line), with that period's ±2σ (dark) and ±3σ (light) limits as bars. A period out of control
// is drawn in red. The y axis is in the reader's units.
import * as Plot from "./plot.js";
import {accessibleFigure} from "./figure.js";
import {dataTable} from "./table.js";
import {doseAxis, rateIn, sig} from "./format.js";
import type {UnitSystem} from "./units.js";
import type {PublishedConstancyPoint} from "../lib/publish/types.js";

/** What the chart draws of a published period (lib/publish/types.ts). */
export type ControlPoint = Pick<PublishedConstancyPoint,
  "label" | "n" | "output_uSv_per_h" | "sigma_uSv_per_h" | "z" | "lower2_uSv_per_h" | "upper2_uSv_per_h" | "lower3_uSv_per_h" | "upper3_uSv_per_h" | "beyond" | "out_of_control">;

export function controlChart(points: readonly ControlPoint[], pooled_uSv_per_h: number, options: {units: UnitSystem; width?: number; summary: string; document?: Document}): HTMLElement {
  const {factor, note} = doseAxis(options.units);
  const width = options.width ?? 640;
  const narrow = width < 560;
  const y = (v: number) => v * factor;
  const chart = Plot.plot({
    document: options.document,
    width,
    height: narrow ? 300 : 280,
    marginBottom: narrow || points.length > 8 ? 60 : 40,
    x: {label: null, domain: points.map((p) => p.label), tickRotate: narrow || points.length > 8 ? -40 : 0, tickFormat: (l: string) => (l.length > 14 ? `${l.slice(0, 13)}…` : l)},
    y: {label: `↑ Output at 1 m, ${note}/h`, grid: true, nice: true},
    marks: [
      Plot.ruleY([y(pooled_uSv_per_h)], {stroke: "#333"}),
      Plot.ruleX(points, {x: "label", y1: (p: ControlPoint) => y(p.lower3_uSv_per_h), y2: (p: ControlPoint) => y(p.upper3_uSv_per_h), stroke: "#0b5cad", strokeOpacity: 0.25, strokeWidth: 10}),
      Plot.ruleX(points, {x: "label", y1: (p: ControlPoint) => y(p.lower2_uSv_per_h), y2: (p: ControlPoint) => y(p.upper2_uSv_per_h), stroke: "#0b5cad", strokeOpacity: 0.45, strokeWidth: 10}),
      Plot.dot(points, {x: "label", y: (p: ControlPoint) => y(p.output_uSv_per_h), r: 4, fill: (p: ControlPoint) => (p.out_of_control ? "#b42318" : p.beyond ? "#8a5a00" : "#111")})
    ]
  }) as Element;
  const table = dataTable(points, [
    {label: "Period", value: (p) => p.label},
    {label: "Readings", value: (p) => String(p.n), numeric: true},
    {label: "Output at 1 m", value: (p) => rateIn(options.units, p.output_uSv_per_h, 3), numeric: true},
    {label: "±2σ limits", value: (p) => `${sig(y(p.lower2_uSv_per_h), 3)}–${sig(y(p.upper2_uSv_per_h), 3)}`, numeric: true},
    {label: "±3σ limits", value: (p) => `${sig(y(p.lower3_uSv_per_h), 3)}–${sig(y(p.upper3_uSv_per_h), 3)}`, numeric: true},
    {label: "z", value: (p) => sig(p.z, 2), numeric: true},
    {label: "State", value: (p) => (p.out_of_control ? "out of control" : p.beyond ? `beyond ${p.beyond}` : "in control"), className: (p) => (p.out_of_control ? "verdict-exceeds" : undefined)}
  ], {document: options.document, caption: `Limits in ${note}/h`});
  return accessibleFigure(chart, {summary: options.summary, table, document: options.document});
}
