let counter = 0;
export function rangeInput(options) {
  const doc = options.document ?? document;
  const id = `range-${++counter}`;
  const wrapper = doc.createElement("div");
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
  const show = () => output.textContent = (options.format ?? String)(input.valueAsNumber);
  show();
  wrapper.append(label, input, output);
  Object.defineProperty(wrapper, "value", { get: () => input.valueAsNumber, set: (v) => (input.value = String(v), show()) });
  input.addEventListener("input", show);
  return wrapper;
}
