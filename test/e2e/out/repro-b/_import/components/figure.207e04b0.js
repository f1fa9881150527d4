export function accessibleFigure(chart, options) {
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
