// @vitest-environment jsdom
// The unit toggle (remembered in local storage), doses in the reader's units, and the grouped, searchable, paged list.
import {beforeEach, describe, expect, it} from "vitest";
import {UNITS_STORAGE_KEY, storedUnits, unitToggle} from "../../src/components/units.js";
import {doseAxis, doseIn, formatMrem, rateIn} from "../../src/components/format.js";
import {groupedTable, lineRanges, type GroupedRow} from "../../src/components/grouped-table.js";

describe("dose units", () => {
  beforeEach(() => localStorage.clear());

  it("writes doses in µSv, mrem (1 mrem = 10 µSv) or both", () => {
    expect(doseIn("si", 0.16)).toBe("0.16 µSv");
    expect(doseIn("us", 0.16)).toBe("0.016 mrem");
    expect(doseIn("both", 20)).toBe("20 µSv (2 mrem)");
    expect(formatMrem(0.04)).toBe("4 µrem");
    expect(formatMrem(1e4)).toBe("1 rem");
    expect(rateIn("us", 57.6)).toBe("5.8 mrem/h");
    expect(doseAxis("us")).toMatchObject({factor: 0.1, unit: "mrem"});
    expect(doseAxis("both")).toMatchObject({factor: 1, unit: "µSv"});
  });

  it("opens on the page's default, remembers the reader's choice, and opens on it next time", () => {
    const first = unitToggle({defaultUnits: "both"});
    expect(first.value).toBe("both");
    const us = first.querySelector<HTMLInputElement>("input[value=us]")!;
    us.checked = true;
    let seen: string | null = null;
    first.addEventListener("input", () => (seen = first.value));
    us.dispatchEvent(new Event("input", {bubbles: true}));
    expect(seen).toBe("us");
    expect(localStorage.getItem(UNITS_STORAGE_KEY)).toBe("us");
    const next = unitToggle({defaultUnits: "si"});
    expect(next.value).toBe("us");
    expect(next.querySelector<HTMLInputElement>("input[value=us]")!.checked).toBe(true);
  });

  it("ignores a stored value it does not know, and works without storage", () => {
    localStorage.setItem(UNITS_STORAGE_KEY, "furlongs");
    expect(storedUnits()).toBeNull();
    expect(unitToggle({defaultUnits: "si", storage: null}).value).toBe("si");
  });
});

describe("groupedTable", () => {
  type Row = GroupedRow & {message: string};
  const row = (kind: string, device_id: string, file: string, line: number, message: string): Row => ({kind, device_id, file, line, message});
  const rows: Row[] = [
    ...Array.from({length: 30}, (_, i) => row("rate-meter", i % 2 ? "VAN-1" : "VAN-2", "a.csv", 10 + i, `rate meter reading ${i}`)),
    row("far-off", "VAN-1", "b.csv", 5, "this reading is 12 times higher")
  ];
  const make = () => groupedTable(rows, {
    columns: [{label: "Line", value: (r) => String(r.line)}, {label: "Warning", value: (r) => r.message}],
    titles: {"rate-meter": "Taken with a rate meter", "far-off": "Far off"}, noun: ["warning", "warnings"], text: (r) => r.message,
    example: (r) => r.message, pageSize: 25
  });

  it("shows one line per kind, the largest first, with its count, devices and files", () => {
    const g = make();
    const summaries = [...g.querySelectorAll("summary")].map((s) => s.textContent);
    expect(summaries[0]).toMatch(/^30 Taken with a rate meter · VAN-1, VAN-2 · 1 file/);
    expect(summaries[1]).toMatch(/^1 Far off · VAN-1 · 1 file/);
    expect(g.querySelector(".grouped-status")!.textContent).toBe("31 warnings of 2 kinds: open a line for its rows.");
    // Closed groups draw no rows.
    expect(g.querySelectorAll("tbody tr")).toHaveLength(0);
  });

  it("opens a group to its rows in pages, with the files and line ranges", () => {
    const g = make();
    const details = g.querySelector("details")!;
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    expect(details.querySelectorAll("tbody tr")).toHaveLength(25);
    expect(details.querySelector(".grouped-files")!.textContent).toBe("a.csv, lines 10–39");
    expect(details.querySelector("caption")!.textContent).toBe("Taken with a rate meter: 1–25 of 30 warnings");
    [...details.querySelectorAll("button")].find((b) => b.textContent === "Next")!.click();
    expect(details.querySelectorAll("tbody tr")).toHaveLength(5);
    expect(details.querySelector("caption")!.textContent).toBe("Taken with a rate meter: 26–30 of 30 warnings");
  });

  it("narrows every group by search, device, file and kind", () => {
    const g = make();
    const search = g.querySelector<HTMLInputElement>("input[type=search]")!;
    search.value = "12 TIMES";
    search.dispatchEvent(new Event("input"));
    expect([...g.querySelectorAll("summary strong")].map((s) => s.textContent)).toEqual(["Far off"]);
    expect(g.querySelector(".grouped-status")!.textContent).toBe("1 warning of 31 match, in 1 kind.");
    search.value = "";
    search.dispatchEvent(new Event("input"));
    const [device, file] = [...g.querySelectorAll("select")];
    device!.value = "VAN-2";
    device!.dispatchEvent(new Event("change"));
    expect(g.querySelector("summary")!.textContent).toMatch(/^15 Taken with a rate meter · VAN-2/);
    file!.value = "b.csv";
    file!.dispatchEvent(new Event("change"));
    expect(g.querySelectorAll("summary")).toHaveLength(0);
  });

  it("writes line numbers as ranges", () => {
    expect(lineRanges([9, 3, 4, 5, 12, 13])).toBe("3–5, 9, 12–13");
    expect(lineRanges([1, 3, 5, 7, 9, 11], 4)).toBe("1, 3, 5, 7 and 2 more");
  });
});
