// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {rangeInput} from "../../src/components/range-input.js";

describe("range input", () => {
  it("is labelled, reports its value and shows it formatted", () => {
    const el = rangeInput({label: "Cordon (m)", min: 1, max: 10, step: 0.5, value: 3, format: (v) => `${v} m`});
    const input = el.querySelector("input")!;
    expect(el.querySelector("label")!.htmlFor).toBe(input.id);
    expect(el.value).toBe(3);
    expect(el.querySelector("output")!.textContent).toBe("3 m");
    let seen = 0;
    el.addEventListener("input", () => seen++);
    input.value = "4.5";
    input.dispatchEvent(new Event("input", {bubbles: true}));
    expect(el.value).toBe(4.5);
    expect(seen).toBe(1);
    expect(el.querySelector("output")!.textContent).toBe("4.5 m");
  });

  it("has no inline event handler attributes", () => {
    const el = rangeInput({label: "x", min: 0, max: 1, step: 0.1, value: 0.5});
    const attributes = [el, ...el.querySelectorAll("*")].flatMap((e) => [...e.attributes].map((a) => a.name));
    expect(attributes.filter((a) => a.startsWith("on"))).toEqual([]);
  });
});
