// An accessible chart: a <figure> with the chart as an image that has a text alternative, a visible caption,
// and optionally the chart's data as a table for people who cannot see the chart.
//
// Plot puts aria-label on role-less <g> elements (observablehq/plot#1760), which axe flags; the chart is one image
// with one description, so those labels are removed and the <svg> gets role="img" and the summary.

export interface FigureOptions {
  /** One or two sentences saying what the chart shows and what it means: the text alternative. */
  summary: string;
  /** Visible caption under the chart; defaults to the summary. */
  caption?: string;
  /** The chart's data as a table, shown in a closed <details> under the chart. */
  table?: HTMLElement;
  document?: Document;
}

export function accessibleFigure(chart: Element, options: FigureOptions): HTMLElement {
  const doc = options.document ?? chart.ownerDocument;
  const svgs = chart.tagName.toLowerCase() === "svg" ? [chart] : Array.from(chart.querySelectorAll("svg"));
  for (const svg of svgs) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", options.summary);
    for (const labelled of Array.from(svg.querySelectorAll("[aria-label]"))) labelled.removeAttribute("aria-label");
    for (const described of Array.from(svg.querySelectorAll("[aria-description]"))) described.removeAttribute("aria-description");
  }
  const figure = doc.createElement("figure");
  figure.className = "chart";
  figure.append(chart);
  const caption = doc.createElement("figcaption");
  caption.textContent = options.caption ?? options.summary;
  figure.append(caption);
  if (options.table) {
    const details = doc.createElement("details");
    const summary = doc.createElement("summary");
    summary.textContent = "The data in this chart, as a table";
    details.append(summary, options.table);
    figure.append(details);
  }
  return figure;
}
