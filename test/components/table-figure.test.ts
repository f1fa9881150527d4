// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {dataTable} from "../../src/components/table.js";
import {doseLadder} from "../../src/components/dose-ladder.js";
import {formatDose, formatDoseWithMrem, formatDistance} from "../../src/components/format.js";

describe("dataTable", () => {
  it("keeps text from data files as text, never markup", () => {
    const table = dataTable([{note: `<img src=x onerror="alert(1)">`}], [{label: "Note", value: (r) => r.note}]);
    expect(table.querySelector("img")).toBeNull();
    expect(table.querySelector("td")!.textContent).toBe(`<img src=x onerror="alert(1)">`);
  });

  it("gives headers a column scope and numbers a right-aligned class", () => {
    const table = dataTable([{x: 1}], [{label: "X", value: (r) => String(r.x), numeric: true}], {caption: "Things"});
    expect(table.querySelector("caption")!.textContent).toBe("Things");
    expect(table.querySelector("th")!.getAttribute("scope")).toBe("col");
    expect(table.querySelector("td")!.className).toBe("num");
  });
});

describe("format", () => {
  it("shows doses in a readable unit", () => {
    expect(formatDose(0.16)).toBe("0.16 µSv");
    expect(formatDose(0.004)).toBe("4 nSv");
    expect(formatDose(1000)).toBe("1 mSv");
  });

  it("gives the policy's unit beside µSv: 1 mrem = 10 µSv", () => {
    expect(formatDoseWithMrem(0.16)).toBe("0.16 µSv (0.016 mrem)");
  });

  it("gives feet beside metres: 5 ft = 1.524 m", () => {
    expect(formatDistance(1.524)).toBe("1.5 m (5 ft)");
  });
});

describe("doseLadder", () => {
  const steps = [
    {label: "A flight from New York to Los Angeles", dose_uSv: 40, kind: "everyday" as const, source: "NIST 2014"},
    {label: "10 seconds at 5 ft", dose_uSv: 0.16, kind: "device" as const, source: "fit"},
    {label: "Public limit, one year", dose_uSv: 1000, kind: "limit" as const, source: "10 CFR 20.1301"}
  ];

  it("draws one image with a text alternative and a table of its data, smallest dose first", () => {
    const figure = doseLadder(steps, {summary: "Doses compared", width: 600});
    const svg = figure.querySelector("svg[role=img]");
    expect(svg).not.toBeNull();
    expect(svg!.getAttribute("aria-label")).toBe("Doses compared");
    expect(figure.querySelectorAll("svg [aria-label]")).toHaveLength(0);
    const cells = Array.from(figure.querySelectorAll("tbody tr td:first-child")).map((td) => td.textContent);
    expect(cells).toEqual(["10 seconds at 5 ft", "A flight from New York to Los Angeles", "Public limit, one year"]);
  });

  it("on a phone, ends a label too long for the chart with an ellipsis and keeps it whole in the table", () => {
    const long = "a day in Denver or the Rocky Mountains (extra cosmic dose at altitude, over a day at sea level)";
    const figure = doseLadder([...steps, {label: long, dose_uSv: 0.5, kind: "everyday" as const, source: "NCRP 160"}], {summary: "Doses compared", width: 370});
    // What a text element shows, without the <title> (a tooltip) Plot gives a shortened one.
    const shown = (t: Element) => Array.from(t.childNodes).filter((n) => n.nodeName !== "title").map((n) => n.textContent).join("");
    const drawn = Array.from(figure.querySelectorAll("svg text")).map(shown);
    const shortened = drawn.find((t) => t.startsWith("a day in Denver"));
    expect(shortened).toMatch(/…$/);
    expect(shortened!.length).toBeLessThan(long.length);
    expect(figure.querySelector("svg text title")?.textContent).toBe(long);
    // Labels that fit are drawn whole.
    expect(drawn).toContain("10 seconds at 5 ft");
    expect(Array.from(figure.querySelectorAll("tbody td")).map((td) => td.textContent)).toContain(long);
  });

  // Framework's reactive width is 0 on a page's first run, before layout; the chart is drawn again once it has one.
  it.each([0, 1, 19, 20, 21])("draws at a width of %i px without an error", (width) => {
    const figure = doseLadder(steps, {summary: "Doses compared", width});
    expect(figure.querySelector("svg[role=img]")).not.toBeNull();
    expect(figure.querySelectorAll("tbody tr")).toHaveLength(3);
  });
});
