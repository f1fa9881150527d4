// What the SQL path takes on trust from DuckDB, checked against JavaScript: numbers the parser's pattern accepts parse
// to the same double; fitted models predict the same rates; units come from the parser itself.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import fc from "fast-check";
import {openDb, sqlNumber, sqlText, type Db} from "../../lib/io/duckdb.js";
import {predictionSql} from "../../lib/io/model-sql.js";
import {probeUnits} from "../../lib/io/readings-sql.js";
import {DECIMAL} from "../../lib/readings/values.js";
import {airContext, fitModel, MODELS, MODEL_NAMES} from "../../lib/models/index.js";
import {point} from "../models/helpers.js";

let db: Db;
beforeAll(async () => {
  db = await openDb();
});
afterAll(() => db.close());

async function castAll(texts: string[]): Promise<(number | null)[]> {
  await db.run("CREATE OR REPLACE TEMP TABLE texts (i INTEGER, t VARCHAR)");
  const appender = await db.connection.createAppender("texts");
  texts.forEach((t, i) => {
    appender.appendInteger(i);
    appender.appendVarchar(t);
    appender.endRow();
  });
  appender.closeSync();
  const rows = await db.all<{d: number | null}>(`SELECT TRY_CAST(t AS DOUBLE) AS d FROM texts ORDER BY i`);
  return rows.map((r) => r.d);
}

describe("numbers", () => {
  it("every string of up to five digits, points, exponents and signs the parser accepts parses to the same double", async () => {
    const alphabet = ["0", "1", "9", ".", "e", "E", "+", "-"];
    const all: string[] = [];
    const grow = (prefix: string, left: number) => {
      if (left === 0) return;
      for (const a of alphabet) {
        all.push(prefix + a);
        grow(prefix + a, left - 1);
      }
    };
    grow("", 5);
    const accepted = all.filter((t) => DECIMAL.test(t));
    expect(accepted.length).toBeGreaterThan(2000);
    const values = await castAll(accepted);
    accepted.forEach((t, i) => expect(Object.is(values[i], Number(t)), t).toBe(true));
  });

  it("long decimals and extreme exponents too", async () => {
    const decimal = fc.tuple(fc.stringMatching(/^[0-9]{1,25}$/), fc.stringMatching(/^[0-9]{0,25}$/), fc.integer({min: -330, max: 330}))
      .map(([a, b, e]) => `${a}.${b}e${e}`);
    const texts = fc.sample(decimal, {numRuns: 5000, seed: 42});
    const values = await castAll(texts);
    texts.forEach((t, i) => {
      const js = Number(t);
      // Overflow to infinity is refused by both paths (the SQL requires a finite value).
      if (Number.isFinite(js)) expect(values[i], t).toBe(js);
      else expect(Number.isFinite(values[i])).toBe(false);
    });
  });
});

describe("model predictions in SQL", () => {
  // 75 keV: between two rows of the build-up table, so the interpolated form is exercised too.
  const ctx = airContext(75);
  const pts = [point(0.7, 200, 20), point(1, 110, 10), point(2, 26, 3), point(4, 6.2, 0.6), point(8, 1.4, 0.2), point(12, 0.6, 0.1)];
  for (const name of MODEL_NAMES) {
    it(name, async () => {
      const fit = fitModel(pts, name, ctx);
      expect(fit.converged).toBe(true);
      const distances = [0.5, 0.7, 1, 1.5, 3.3, 7, 10, 25, 300, 5000];
      const rows = await db.all<{p: number}>(`SELECT ${predictionSql(fit, "r")} AS p FROM (VALUES ${distances.map((r) => `(${sqlNumber(r)})`).join(", ")}) t(r)`);
      const params = Float64Array.from(fit.parameterNames.map((n) => fit.parameters[n]!.value));
      rows.forEach((row, i) => {
        const js = MODELS[name].rate(distances[i]!, params, ctx);
        // The same operations in the same order; exp, pow, tanh and ln of two libraries may differ in the last bit.
        expect(Math.abs(row.p - js)).toBeLessThanOrEqual(1e-13 * Math.abs(js));
      });
    });
  }
});

describe("units come from the parser", () => {
  it("accepts what the parser accepts silently, with its factors, and leaves the rest to it", () => {
    const units = probeUnits({distance: ["m", "ft", "feet", "mm"], duration: ["s", "min", "h", "fortnight"], dose: ["uSv", "mrem", "µGy", "uR", "mSv/h", "Sv/h", "Sv", "m"]});
    expect([...units.distance]).toEqual([["m", 1], ["ft", 0.3048], ["feet", 0.3048], ["mm", 0.001]]);
    expect([...units.duration]).toEqual([["s", 1], ["min", 60], ["h", 3600]]);
    expect(units.dose.get("mrem")).toEqual({factor: 10, rate: false, quantities: ["H*(10)", "Hp(10)", "effective"]});
    expect(units.dose.get("µGy")).toEqual({factor: 1, rate: false, quantities: ["air-kerma"]});
    expect(units.dose.get("uR")).toEqual({factor: 1, rate: false, quantities: ["exposure"]});
    // A rate: the dose is the value × factor × duration_s / 3600 (lib/readings/units.ts doseFactor).
    expect(units.dose.get("mSv/h")).toEqual({factor: 1e3, rate: true, quantities: ["H*(10)", "Hp(10)", "effective"]});
    // Units too large for the device class (1 Sv/h is past the plausible 100 mSv/h, 1 Sv past 1 mSv): the parser warns
    // once per file (lib/plausibility.ts absurdUnitProblem), so their rows are the parser's.
    expect(units.dose.has("Sv/h")).toBe(false);
    expect(units.dose.has("Sv")).toBe(false);
    expect(units.dose.has("m")).toBe(false);
  });

  it("quotes unit texts safely", async () => {
    const [row] = await db.all<{t: string}>(`SELECT ${sqlText("it's µSv")} AS t`);
    expect(row!.t).toBe("it's µSv");
  });
});
