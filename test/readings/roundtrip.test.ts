// Property tests: any valid reading survives a write/parse round trip, and no input makes the parser throw.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {formatReadingsCsv, parseReadingsCsv, QUANTITY_UNIT, type Quantity, type Reading} from "../../lib/readings/index.js";

const NOW = new Date("2100-01-01T00:00:00Z");

const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _:.,"-]{0,11}[A-Za-z0-9]$/);
const text = fc.string({unit: "grapheme", maxLength: 20}).filter((s) => s.trim() === s && s !== "" && !s.includes("\u0000"));
// Within the physical ranges of lib/plausibility.ts (outside them a value is an error): 1 mm to 100 km, 1 s to 10
// years, doses up to 1e5 in the canonical unit, so that no rate exceeds 1e9 per hour.
const distance = fc.double({min: 1e-3, max: 1e5, noNaN: true, noDefaultInfinity: true});
const duration = fc.double({min: 1, max: 3e8, noNaN: true, noDefaultInfinity: true});
const nonNegative = fc.double({min: 0, max: 1e5, noNaN: true, noDefaultInfinity: true}).map((x) => x + 0);
const date = fc.date({min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true});

/** An instant written with an offset, and its UTC milliseconds computed independently through Date. */
const instant = fc.tuple(date, fc.integer({min: -12 * 4, max: 14 * 4})).map(([d, quarterHours]) => {
  const offset_min = quarterHours * 15;
  const local = new Date(d.getTime() + offset_min * 60_000).toISOString().slice(0, 23);
  const sign = offset_min < 0 ? "-" : "+";
  const abs = Math.abs(offset_min);
  const offset = offset_min === 0 ? "Z" : `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return {measured_at: `${local}${offset}`, measured_at_ms: d.getTime()};
});

const reading: fc.Arbitrary<Omit<Reading, "source" | "reading_id">> = fc
  .record({
    device_id: id,
    dosimeter_id: fc.option(id, {nil: null}),
    when: instant,
    distance_m: distance,
    angle_deg: fc.option(fc.double({min: 0, max: 359.99, noNaN: true}).map((x) => x + 0), {nil: null}),
    duration_s: duration,
    quantity: fc.constantFrom<Quantity>("H*(10)", "Hp(10)", "effective", "air-kerma", "exposure"),
    gross: nonNegative,
    background: fc.option(nonNegative, {nil: null}),
    uncertainty: fc.option(nonNegative, {nil: null}),
    mdl: fc.option(nonNegative, {nil: null}),
    instrument_type: fc.constantFrom(null, "integrating" as const, "rate-meter" as const),
    instrument_id: fc.option(id, {nil: null}),
    instrument_calibrated_on: fc.option(date.map((d) => d.toISOString().slice(0, 10)), {nil: null}),
    notes: fc.option(text, {nil: null}),
    duration_basis: fc.constantFrom("beam-on" as const, "elapsed" as const),
    calibration_uncertainty: fc.option(fc.double({min: 0, max: 0.99, noNaN: true}).map((x) => x + 0), {nil: null}),
    energy_response_uncertainty: fc.option(fc.double({min: 0, max: 0.99, noNaN: true}).map((x) => x + 0), {nil: null}),
    site: text
  })
  .map(({when, site, ...r}) => ({
    ...r,
    ...when,
    unit: QUANTITY_UNIT[r.quantity],
    net: r.gross - (r.background ?? 0),
    censored: r.mdl !== null && r.gross < r.mdl,
    extra: {site}
  }));

describe("readings CSV round trip", () => {
  it("parses what it writes back into the same readings", () => {
    fc.assert(
      fc.property(fc.array(reading, {minLength: 1, maxLength: 5}), (generated) => {
        const readings: Reading[] = generated.map((r, k) => ({...r, reading_id: `R${k}`, source: {file: "x.csv", line: 0}}));
        const parsed = parseReadingsCsv(formatReadingsCsv(readings), "x.csv", {now: NOW});
        expect(parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
        const strip = ({source: _source, ...r}: Reading) => r;
        expect(parsed.readings.map(strip)).toEqual(readings.map(strip));
      }),
      {numRuns: 300}
    );
  });
});

describe("the parser never throws", () => {
  const header = "reading_id,device_id,measured_at,distance,distance_unit,duration,duration_unit,dose,dose_unit,notes";
  const cellish = fc.oneof(
    fc.string(),
    fc.constantFrom("", " ", "NaN", "1e400", "-1", "0", '"', '""', "\r\n", "\u0000", "\uFEFF", "mSv/h", "2026-02-30T00:00Z", "µR", "1,5", "%", "-0")
  );
  const line = fc.array(cellish, {maxLength: 12}).map((cells) => cells.join(","));

  it("turns any text into reported problems, each naming a line of the file", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({unit: "binary"}), fc.tuple(fc.array(line, {maxLength: 6}), fc.constantFrom("\n", "\r\n", "\r")).map(([ls, end]) => [header, ...ls].join(end))), (input) => {
        const {readings, problems} = parseReadingsCsv(input, "fuzz.csv", {now: NOW});
        const physicalLines = input.split(/\r\n|\r|\n/).length;
        for (const p of problems) {
          expect(p.file).toBe("fuzz.csv");
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(physicalLines);
          expect(p.message.length).toBeGreaterThan(10);
        }
        for (const r of readings) {
          expect(Number.isFinite(r.distance_m) && r.distance_m > 0).toBe(true);
          expect(Number.isFinite(r.gross) && r.gross >= 0).toBe(true);
        }
      }),
      {numRuns: 500}
    );
  });
});
