import * as Plot from "../../_node/@observablehq/plot@0.6.17/index.f66f3cd7.js";
import { accessibleFigure } from "./figure.207e04b0.js";
import { dataTable } from "./table.c7822dbf.js";
import { formatDose } from "./format.9fa97881.js";
const KIND_LABEL = {
  device: "From the X-ray van (this site's estimate)",
  everyday: "Everyday radiation",
  limit: "Limit"
};
export function doseLadder(steps, { width = 640, summary, document: doc }) {
  const sorted = [...steps].sort((a, b) => a.dose_uSv - b.dose_uSv);
  const floor = Math.min(...sorted.map((s) => s.dose_uSv)) / 2;
  const narrow = width < 560;
  const chart = Plot.plot({
    document: doc,
    width,
    height: (narrow ? 46 : 36) * sorted.length + 60,
    marginLeft: narrow ? 10 : Math.min(320, width * 0.45),
    marginRight: 70,
    x: { type: "log", label: "Dose (\xB5Sv, logarithmic scale: each step is 10 times the one before) \u2192", grid: true },
    y: { domain: sorted.map((s) => s.label), label: null, axis: narrow ? null : "left" },
    color: { domain: ["device", "everyday", "limit"], range: ["#b45309", "#0b5cad", "#6b7280"], legend: true, tickFormat: (k) => KIND_LABEL[k] },
    marks: [
      Plot.ruleY(sorted, { y: "label", x1: floor, x2: "dose_uSv", stroke: "kind", strokeOpacity: 0.35 }),
      Plot.dot(sorted, { y: "label", x: "dose_uSv", fill: "kind", r: 6 }),
      Plot.text(sorted, { y: "label", x: "dose_uSv", text: (d) => formatDose(d.dose_uSv), dx: 10, textAnchor: "start", fontSize: 12 }),
      ...narrow ? [Plot.text(sorted, { y: "label", x: floor, text: "label", textAnchor: "start", dy: -13, fontSize: 11 })] : []
    ]
  });
  const table = dataTable(sorted, [
    { label: "What", value: (s) => s.label },
    { label: "Dose", value: (s) => formatDose(s.dose_uSv, 3), numeric: true },
    { label: "Kind", value: (s) => KIND_LABEL[s.kind] },
    { label: "Source", value: (s) => s.source }
  ], { document: doc });
  return accessibleFigure(chart, { summary, table, document: doc });
}
