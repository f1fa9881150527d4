// A labelled slider for Framework's view(): an element with a `value` that fires "input" events. Built with the DOM
// API because @observablehq/inputs' range writes `oninput` attributes into a template, which the site's
// Content-Security-Policy (no inline event handlers) reports as a violation in every browser console.

export interface RangeOptions {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** How the current value is shown next to the slider (default: the number). */
  format?: (value: number) => string;
  document?: Document;
}

let counter = 0;

export function rangeInput(options: RangeOptions): HTMLElement & {value: number} {
  const doc = options.document ?? document;
  const id = `range-${++counter}`;
  const wrapper = doc.createElement("div") as unknown as HTMLElement & {value: number};
  wrapper.className = "range-input";
  const label = doc.createElement("label");
  label.htmlFor = id;
  label.textContent = options.label;
  const input = doc.createElement("input");
  input.type = "range";
  input.id = id;
  input.min = String(options.min);
  input.max = String(options.max);
  input.step = String(options.step);
  input.value = String(options.value);
  const output = doc.createElement("output");
  output.htmlFor.add(id);
  const show = () => (output.textContent = (options.format ?? String)(input.valueAsNumber));
  show();
  wrapper.append(label, input, output);
  Object.defineProperty(wrapper, "value", {get: () => input.valueAsNumber, set: (v: number) => ((input.value = String(v)), show())});
  // The input event bubbles from the slider to the wrapper, which is what view() listens to.
  input.addEventListener("input", show);
  return wrapper;
}
