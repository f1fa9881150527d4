// The dose ladder: doses from the device beside everyday doses and limits, on one logarithmic scale, so that
// a factor of ten always takes the same space and a reader can see how many times larger one is than another.
import * as Plot from "./plot.js";
import {accessibleFigure} from "./figure.js";
import {dataTable} from "./table.js";
import {doseAxis, doseIn} from "./format.js";
import type {UnitSystem} from "./units.js";

export interface LadderStep {
  label: string;
  dose_uSv: number;
  /** What kind of number it is: drawn in different colours and explained in the legend. */
  kind: "device" | "everyday" | "limit";
  source: string;
}

const KIND_LABEL: Record<LadderStep["kind"], string> = {
  device: "From the X-ray van (this site's estimate)",
  everyday: "Everyday radiation",
  limit: "Limit"
};

export function doseLadder(steps: readonly LadderStep[], {width = 640, summary, units = "si", document: doc}: {width?: number; summary: string; units?: UnitSystem; document?: Document}): HTMLElement {
  const {factor, note} = doseAxis(units);
  const sorted = [...steps].sort((a, b) => a.dose_uSv - b.dose_uSv).map((s) => ({...s, x: s.dose_uSv * factor}));
  const floor = Math.min(...sorted.map((s) => s.x)) / 2;
  // "Both" puts both units in the labels; the narrow chart has room for one.
  const label = (d: LadderStep) => doseIn(units === "both" && width < 560 ? "si" : units, d.dose_uSv);
  // On a narrow screen the labels go above their rows instead of in a left margin that would cut them off.
  const narrow = width < 560;
  const chart = Plot.plot({
    document: doc,
    width,
    height: (narrow ? 46 : 36) * sorted.length + 60,
    marginLeft: narrow ? 10 : Math.min(320, width * 0.45),
    marginRight: units === "both" && !narrow ? 150 : 80,
    x: {type: "log", label: `Dose (${note}, logarithmic scale: each step is 10 times the one before) →`, grid: true},
    y: {domain: sorted.map((s) => s.label), label: null, axis: narrow ? null : "left"},
    color: {domain: ["device", "everyday", "limit"], range: ["#b45309", "#0b5cad", "#6b7280"], legend: true, tickFormat: (k: LadderStep["kind"]) => KIND_LABEL[k]},
    marks: [
      Plot.ruleY(sorted, {y: "label", x1: floor, x2: "x", stroke: "kind", strokeOpacity: 0.35}),
      Plot.dot(sorted, {y: "label", x: "x", fill: "kind", r: 6}),
      Plot.text(sorted, {y: "label", x: "x", text: label, dx: 10, textAnchor: "start", fontSize: 12}),
      // A label longer than the chart is wide ends in "…" rather than being cut at the edge; the table has it whole.
      // Framework's width is 0 on a page's first run, before layout: the line width must stay positive then.
      ...(narrow ? [Plot.text(sorted, {y: "label", x: floor, text: "label", textAnchor: "start", dy: -13, fontSize: 11, lineWidth: Math.max(1, (width - 20) / 11), textOverflow: "ellipsis-end"})] : [])
    ]
  }) as Element;
  const table = dataTable(sorted, [
    {label: "What", value: (s) => s.label},
    {label: "Dose", value: (s) => doseIn(units, s.dose_uSv, 3), numeric: true},
    {label: "Kind", value: (s) => KIND_LABEL[s.kind]},
    {label: "Source", value: (s) => s.source}
  ], {document: doc});
  return accessibleFigure(chart, {summary, table, document: doc});
}
