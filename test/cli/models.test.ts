import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {UsageError, type Io} from "../../cli/command.js";
import {fitCommand} from "../../cli/commands/fit.js";
import {scenarioCommand} from "../../cli/commands/scenario.js";
import {exclusionCommand} from "../../cli/commands/exclusion.js";
import {timeToLimitCommand} from "../../cli/commands/time-to-limit.js";
import {InputError} from "../../lib/io/index.js";
import {readReadingsPaths} from "../../lib/io/read-readings.js";
import {airContext, fitModel, readingsToPoints} from "../../lib/models/index.js";
import {exclusionDistance, scenarioDose, timeToLimit} from "../../lib/exposure/index.js";
import {TEST_NOW} from "../clock.js";
import {fitAsField} from "../../lib/publish/device-models.js";
import {doseDistribution} from "../../lib/simulation/index.js";
import {exclusionRadius} from "../../lib/field/index.js";

const HEADER = "reading_id,device_id,measured_at,distance,distance_unit,angle_deg,duration,duration_unit,dose,dose_unit,quantity,uncertainty";

/** A readings file on disk; `rows` are [distance m, angle or "", dose µSv over 1 h, 1σ µSv]. */
function readingsFile(name: string, rows: [number, number | "", number, number][], device = "VAN-1"): string {
  const dir = mkdtempSync(join(tmpdir(), "xray-models-"));
  const path = join(dir, name);
  const lines = rows.map(([r, angle, dose, sigma], i) => `${device}-${i},${device},2025-03-0${1 + (i % 9)}T10:00:00Z,${r},m,${angle},1,h,${dose},uSv,H*(10),${sigma}`);
  writeFileSync(path, [HEADER, ...lines].join("\n") + "\n");
  return path;
}

// Dose over one hour = S / r² with S = 100 µSv·m²/h, σ 5 %, and a deliberate wobble so that χ² is not zero.
const wobble = [1.03, 0.98, 1.01, 0.97, 1.02, 0.99];
const EXACT = readingsFile("exact.csv", [1, 1.5, 2, 3, 4, 6].map((r, i) => [r, "", (100 / r ** 2) * wobble[i]!, 0.05 * (100 / r ** 2)]));

async function run(command: {run(args: string[], io: Io): Promise<number>}, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, {stdout: (t) => out.push(t), stderr: (t) => err.push(t)});
  return {code, stdout: out.join("\n"), stderr: err.join("\n")};
}

async function libraryFit(path: string, model: Parameters<typeof fitModel>[1] = "inverse-square") {
  const {readings} = await readReadingsPaths([path], {now: TEST_NOW});
  return fitModel(readingsToPoints(readings).points, model, airContext(60));
}

describe("xray-dose fit", () => {
  it("--json prints the documented object, with the library's numbers", async () => {
    const {code, stdout} = await run(fitCommand, [EXACT, "--model", "inverse-square", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const lib = await libraryFit(EXACT);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["model", "n", "parameters", "covariance", "chiSquare", "dof", "reducedChiSquare", "groups", "flagged", "belowDetection"]));
    expect(json.model).toBe("inverse-square");
    expect(json.n).toBe(6);
    expect(json.parameters.S).toEqual({value: lib.parameters.S!.value, stderr: lib.parameters.S!.stderr, unit: "uSv*m^2/h"});
    expect(Math.abs(json.parameters.S.value - 100)).toBeLessThan(3);
    // χ² from groups: Σ W(ȳ − f)² plus the within-group sums, equal to the per-reading sum to rounding.
    expect(Math.abs(json.chiSquare / lib.chiSquare - 1)).toBeLessThan(1e-12);
    expect(json.dof).toBe(5);
    // One group per distance (each holds one reading here), with the library's residual of each reading.
    expect(json.groups.map((g: {distance_m: number; readings: number}) => [g.distance_m, g.readings])).toEqual([1, 1.5, 2, 3, 4, 6].map((r) => [r, 1]));
    json.groups.forEach((g: {predicted_uSv_per_h: number; mean_rate_uSv_per_h: number}, i: number) => {
      expect(g.predicted_uSv_per_h).toBeCloseTo(lib.residuals[i]!.predicted, 10);
      expect(g.mean_rate_uSv_per_h).toBeCloseTo(lib.residuals[i]!.observed, 12);
    });
    expect(json.flagged).toEqual({count: 0, readings: []});
    expect(json.comparison.map((c: {model: string}) => c.model).sort()).toEqual(["inverse-square", "inverse-square-air", "inverse-square-offset", "power-law"]);
  });

  it("without --json names the model and the basis of its choice, with units", async () => {
    const {code, stdout} = await run(fitCommand, [EXACT]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Model: [a-z-]+ fitted to 6 readings of VAN-1 .* the model best supported by the readings \(lowest AIC/);
    expect(stdout).toMatch(/Models compared on the same readings/);
    expect(stdout).toMatch(/µSv\/h/);
  });

  it("fits per angle sector when the readings state angles", async () => {
    const path = readingsFile("angles.csv", [
      ...[1, 2, 3, 4].map((r): [number, number, number, number] => [r, 0, 200 / r ** 2, 10 / r ** 2]),
      ...[1, 2, 3, 4].map((r): [number, number, number, number] => [r, 90, 50 / r ** 2, 2.5 / r ** 2])
    ]);
    const json = JSON.parse((await run(fitCommand, [path, "--model", "inverse-square", "--json"])).stdout);
    expect(json.sectors.map((s: {label: string; parameters: {S: {value: number}}}) => [s.label, Math.round(s.parameters.S.value)])).toEqual([
      ["VAN-1, 0° ± 22.5°", 200], ["VAN-1, 90° ± 22.5°", 50]
    ]);
  });

  it("refuses several devices without --device, and a missing file with its name", async () => {
    const other = readingsFile("other.csv", [[1, "", 10, 1], [2, "", 2.5, 0.2], [3, "", 1.1, 0.1]], "VAN-2");
    await expect(run(fitCommand, [EXACT, other])).rejects.toThrow(/2 devices \(VAN-1, VAN-2\); choose one with --device/);
    const json = JSON.parse((await run(fitCommand, [EXACT, other, "--device", "VAN-2", "--model", "inverse-square", "--json"])).stdout);
    expect(json.device).toBe("VAN-2");
    await expect(run(fitCommand, ["/nonexistent/readings.csv"])).rejects.toBeInstanceOf(InputError);
    await expect(run(fitCommand, [EXACT, "--model", "quadratic"])).rejects.toThrow(UsageError);
  });

  it("reports a model that cannot be fitted as an input problem, not a crash", async () => {
    const two = readingsFile("two.csv", [[1, "", 10, 1], [2, "", 2.5, 0.2]]);
    await expect(run(fitCommand, [two, "--model", "power-law"])).rejects.toThrow(/needs at least 3 readings/);
  });
});

describe("xray-dose scenario", () => {
  it("--reference: the policy's figure gives 0.004 mrem (0.04 µSv) at 10 ft in 10 s, and says it is not a fit", async () => {
    const {stdout} = await run(scenarioCommand, ["--reference", "0.016 mrem in 10 s at 5 ft", "--distance", "10 ft", "--duration", "10 s", "--json"]);
    const json = JSON.parse(stdout);
    expect(json.dose.unit).toBe("uSv");
    expect(json.dose.value).toBeCloseTo(0.04, 12);
    expect(json.upper95.value).toBe(json.dose.value);
    expect(json.uncertaintyKnown).toBe(false);
    expect(json.basis).toBe("reference-point");
    const text = (await run(scenarioCommand, ["--reference", "0.016 mrem in 10 s at 5 ft", "--distance", "10 ft", "--duration", "10 s"])).stdout;
    expect(text).toMatch(/0\.04 µSv \(0\.004 mrem\)/);
    expect(text).toMatch(/reference figure .* not a fit/);
  });

  it("--readings: the same numbers as scenarioDose on the library fit; N scans × dwell", async () => {
    const lib = await libraryFit(EXACT);
    const json = JSON.parse((await run(scenarioCommand, ["--readings", EXACT, "--model", "inverse-square", "--distance", "10 ft", "--duration", "1 h", "--json"])).stdout);
    const expected = scenarioDose(lib, {distance_m: 3.048, duration_s: 3600});
    expect(json.dose.value).toBeCloseTo(expected.dose_uSv, 12);
    expect(json.upper95.value).toBeCloseTo(expected.upper95_uSv, 12);
    expect(json.upper95.value).toBeGreaterThan(json.dose.value);
    const scans = JSON.parse((await run(scenarioCommand, ["--readings", EXACT, "--model", "inverse-square", "--distance", "10 ft", "--scans", "360", "--dwell", "10 s", "--json"])).stdout);
    expect(scans.upper95.value).toBeCloseTo(expected.upper95_uSv, 12);
  });

  it("refuses a malformed reference or a missing distance with a usage message", async () => {
    await expect(run(scenarioCommand, ["--reference", "a lot at 5 ft", "--distance", "1 m", "--duration", "1 h"])).rejects.toThrow(/DOSE in DURATION at DISTANCE/);
    await expect(run(scenarioCommand, ["--reference", "0.016 mrem in 10 s at 5 ft", "--duration", "1 h"])).rejects.toThrow(/--distance is required/);
    await expect(run(scenarioCommand, ["--reference", "0.016 mrem in 10 s at 5 ft", "--distance", "1 m"])).rejects.toThrow(UsageError);
    await expect(run(scenarioCommand, ["--readings", EXACT, "--reference", "0.016 mrem in 10 s at 5 ft", "--distance", "1 m", "--duration", "1 h"])).rejects.toThrow(/not both/);
  });

  it("with angles: answers on the worst sector by default, and on the chosen one with --angle or --sector", async () => {
    // Five readings per sector: the site's minimum for a usable group.
    const path = readingsFile("sectors.csv", [
      ...[1, 2, 3, 4, 5].map((r): [number, number, number, number] => [r, 0, 200 / r ** 2, 10 / r ** 2]),
      ...[1, 2, 3, 4, 5].map((r): [number, number, number, number] => [r, 90, 50 / r ** 2, 2.5 / r ** 2])
    ]);
    const base = ["--readings", path, "--model", "inverse-square", "--distance", "2 m", "--duration", "1 h", "--json"];
    const worst = JSON.parse((await run(scenarioCommand, base)).stdout);
    expect(worst.sector).toEqual({centre_deg: 0, width_deg: 45});
    expect(worst.dose.value).toBeCloseTo(50, 6);
    const side = JSON.parse((await run(scenarioCommand, [...base, "--angle", "100"])).stdout);
    expect(side.dose.value).toBeCloseTo(12.5, 6);
    expect(JSON.parse((await run(scenarioCommand, [...base, "--sector", "90"])).stdout).dose.value).toBeCloseTo(12.5, 6);
    await expect(run(scenarioCommand, [...base, "--angle", "180"])).rejects.toThrow(/no usable fit in the sector 180°/);
    await expect(run(scenarioCommand, [...base, "--sector", "100"])).rejects.toThrow(/centred on 0, 45/);
    // Without --model: each group's best-supported model, the worst group, as the site does.
    const site = JSON.parse((await run(scenarioCommand, base.filter((a, i) => a !== "--model" && base[i - 1] !== "--model"))).stdout);
    expect(site.sector).toEqual({centre_deg: 0, width_deg: 45});
  });
});

describe("xray-dose exclusion and time-to-limit", () => {
  it("exclusion --reference: 2 mrem in 1 h is met beyond √(133.8/20) ≈ 2.59 m", async () => {
    const json = JSON.parse((await run(exclusionCommand, ["--reference", "0.016 mrem in 10 s at 5 ft", "--limit", "2 mrem", "--per", "1 h", "--json"])).stdout);
    expect(json.distance.unit).toBe("m");
    expect(json.distance.value).toBeCloseTo(Math.sqrt((57.6 * 1.524 ** 2) / 20), 8);
  });

  it("exclusion --readings matches exclusionDistance on the library fit", async () => {
    const lib = await libraryFit(EXACT);
    const json = JSON.parse((await run(exclusionCommand, ["--readings", EXACT, "--model", "inverse-square", "--limit", "20 uSv", "--per", "1 h", "--json"])).stdout);
    expect(json.distance.value).toBeCloseTo(exclusionDistance(lib, {limit_uSv: 20, period_s: 3600}).distance_m!, 10);
    expect(json.limit).toEqual({value: 20, unit: "uSv"});
  });

  it("time-to-limit --readings matches timeToLimit on the library fit, in seconds", async () => {
    const lib = await libraryFit(EXACT);
    const json = JSON.parse((await run(timeToLimitCommand, ["--readings", EXACT, "--model", "inverse-square", "--distance", "5 ft", "--limit", "1 mSv", "--json"])).stdout);
    expect(json.duration.unit).toBe("s");
    expect(json.duration.value).toBeCloseTo(timeToLimit(lib, {distance_m: 1.524, limit_uSv: 1000}).duration_s, 6);
    const text = (await run(timeToLimitCommand, ["--readings", EXACT, "--model", "inverse-square", "--distance", "5 ft", "--limit", "1 mSv"])).stdout;
    expect(text).toMatch(/At 1\.524 m \(5 ft\), the limit of 1000 µSv \(100 mrem\) is reached after:/);
  });

  it("refuses a limit in the wrong kind of unit", async () => {
    await expect(run(timeToLimitCommand, ["--reference", "0.016 mrem in 10 s at 5 ft", "--distance", "5 ft", "--limit", "1 h"])).rejects.toThrow(/dose/);
  });
});

describe("the command line at its edges", () => {
  it("a limit still exceeded at 10 km: a sentence, no 'n/a', no doubled word, exit code 3", async () => {
    const args = ["--readings", EXACT, "--model", "inverse-square", "--limit", "1e-7 uSv", "--per", "1 h"];
    const {code, stdout} = await run(exclusionCommand, args);
    expect(code).toBe(3);
    expect(stdout).toMatch(/not met within 10000 m \(32810 ft\), the end of the search: the limit is still exceeded there/);
    expect(stdout).not.toMatch(/n\/a|beyond beyond|met beyond not/);
    const json = await run(exclusionCommand, [...args, "--json"]);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({status: "beyond-search-range", distance: {value: null}});
  });

  it("a limit met at every distance, even at the reference point: said so, exit code 0", async () => {
    // An offset source 10 m behind the reference point: the rate never exceeds S/r0² = 1 µSv/h.
    const far = readingsFile("far.csv", [1, 2, 3, 4, 5, 6].map((r) => [r, "", 100 / (r + 10) ** 2, 0.001 * (100 / (r + 10) ** 2)]));
    const {code, stdout} = await run(exclusionCommand, ["--readings", far, "--model", "inverse-square-offset", "--limit", "20 uSv", "--per", "1 h"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/met at every distance the model covers, even at the device's reference point/);
  });

  it("a distance closer than any reading is flagged as possibly inside the device", async () => {
    const {stdout} = await run(scenarioCommand, ["--readings", EXACT, "--model", "inverse-square", "--distance", "20 cm", "--duration", "1 h"]);
    expect(stdout).toMatch(/0\.2 m \(0\.6562 ft\) is closer than any reading \(1 m \(3\.281 ft\)\).*inside its body/);
  });

  it("prints the uncertainty budget in text and --json, the instruments' default named", async () => {
    const args = ["--readings", EXACT, "--model", "inverse-square", "--distance", "2 m", "--duration", "1 h"];
    const text = (await run(scenarioCommand, args)).stdout;
    expect(text).toMatch(/Uncertainty budget \(one occasion\)/);
    expect(text).toMatch(/instruments' calibration and energy response \(type B\)\s+10 %/);
    expect(text).toMatch(/one-sided/);
    const json = JSON.parse((await run(scenarioCommand, [...args, "--json"])).stdout);
    expect(json.budget.definition).toBe("one-sided 95 %");
    expect(json.budget.components.map((c: {id: string}) => c.id)).toEqual(["fit", "instruments"]);
    expect(json.budget.components[1].relative).toBe(0.1);
    expect(json.budget.instruments.defaulted).toBe(true);
  });

  it("with 10⁵ consistent readings the upper bound sits at least the instruments' 10 % above the estimate", async () => {
    const rows: [number, number | "", number, number][] = [];
    for (let i = 0; i < 100_000; i++) {
      const r = 1 + (i % 50) * 0.1;
      const truth = 133.8 / r ** 2;
      // A deterministic wobble of ±5 % against a stated 10 %: consistent readings.
      rows.push([r, "", truth * (1 + 0.05 * Math.sin(i)), 0.1 * truth]);
    }
    const path = readingsFile("many.csv", rows);
    const json = JSON.parse((await run(scenarioCommand, ["--readings", path, "--model", "inverse-square", "--distance", "5 ft", "--duration", "1 h", "--json"])).stdout);
    expect(json.upper95.value / json.dose.value - 1).toBeGreaterThan(0.1);
    // Almost all of it is type B: exp(1.645 × 0.1) = 1.179.
    expect(json.upper95.value / json.dose.value).toBeCloseTo(Math.exp(1.6448536 * 0.1), 3);
  }, 60_000);
});

describe("--reviews FILE: readings set aside before fitting", () => {
  // EXACT's six readings plus a seventh, ten times too high at 2.5 m: excluded by a review, the fit is EXACT's.
  const rows: [number, number | "", number, number][] = [1, 1.5, 2, 3, 4, 6].map((r, i) => [r, "", (100 / r ** 2) * wobble[i]!, 0.05 * (100 / r ** 2)]);
  const withOutlier = readingsFile("outlier.csv", [...rows, [2.5, "", 10 * (100 / 2.5 ** 2), 0.05 * (100 / 2.5 ** 2)]]);
  const reviews = (lines: string[]) => {
    const path = join(mkdtempSync(join(tmpdir(), "xray-reviews-")), "reviews.csv");
    writeFileSync(path, ["reading_id,action,reason,reviewed_by,reviewed_on", ...lines].join("\n") + "\n");
    return path;
  };
  const args = ["--model", "inverse-square", "--distance", "2 m", "--duration", "1 h", "--json"];

  it("fits without the excluded reading, lists it, and applies the last decision (an include puts it back)", async () => {
    const excluded = reviews(["VAN-1-6,exclude,slipped decimal,RSO-1,2025-03-10", "OTHER-9,exclude,another file's reading,RSO-1,2025-03-10"]);
    const reviewed = await run(scenarioCommand, ["--readings", withOutlier, "--reviews", excluded, ...args]);
    const plain = JSON.parse((await run(scenarioCommand, ["--readings", EXACT, ...args])).stdout);
    const json = JSON.parse(reviewed.stdout);
    expect(json.dose.value).toBeCloseTo(plain.dose.value, 10);
    expect(json.excluded).toEqual([{reading_id: "VAN-1-6", reason: "slipped decimal", reviewed_on: "2025-03-10", review: {file: excluded, line: 2}, reading: {file: withOutlier, line: 8}}]);
    expect(reviewed.stderr).toContain(`${excluded}: 1 review names a reading not in the readings given; not applied.`);
    expect(json.description).toMatch(/; 1 reading excluded by /);
    // Without the review the outlier pulls the fit up.
    expect(JSON.parse((await run(scenarioCommand, ["--readings", withOutlier, ...args])).stdout).dose.value).toBeGreaterThan(plain.dose.value * 1.01);
    const putBack = reviews(["VAN-1-6,exclude,slipped decimal,RSO-1,2025-03-10", "VAN-1-6,include,instrument record agrees after all,RSO-1,2025-03-11"]);
    const back = JSON.parse((await run(scenarioCommand, ["--readings", withOutlier, "--reviews", putBack, ...args])).stdout);
    expect(back.excluded).toEqual([]);
    expect(back.dose.value).toBeGreaterThan(plain.dose.value * 1.01);
    const text = (await run(fitCommand, [withOutlier, "--reviews", excluded, "--model", "inverse-square"])).stdout;
    expect(text).toContain(`Excluded: VAN-1-6 (${withOutlier}:8): slipped decimal (reviewed 2025-03-10, ${excluded}:2).`);
    // exclusion and time-to-limit read the same option.
    for (const [command, more] of [[exclusionCommand, ["--limit", "20 uSv", "--per", "1 h"]], [timeToLimitCommand, ["--distance", "2 m", "--limit", "20 uSv"]]] as const) {
      const out = JSON.parse((await run(command, ["--readings", withOutlier, "--reviews", excluded, "--model", "inverse-square", ...more, "--json"])).stdout);
      expect(out.excluded.map((e: {reading_id: string}) => e.reading_id)).toEqual(["VAN-1-6"]);
    }
  });

  it("stops on a review without a reason or dated in the future, naming the file and line", async () => {
    const bad = reviews(["VAN-1-6,exclude,,RSO-1,2025-03-10", `VAN-1-5,exclude,too high,RSO-1,${new Date(TEST_NOW.getTime() + 86_400_000 * 400).toISOString().slice(0, 10)}`]);
    const error = await run(scenarioCommand, ["--readings", withOutlier, "--reviews", bad, ...args]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.map((p) => [p.file, p.line, p.column])).toEqual([[bad, 2, "reason"], [bad, 3, "reviewed_on"]]);
    await expect(run(scenarioCommand, ["--readings", withOutlier, "--reviews", "/nonexistent/reviews.csv", ...args])).rejects.toThrow(/--reviews \/nonexistent\/reviews.csv: no such file/);
    await expect(run(scenarioCommand, ["--reference", "0.016 mrem in 10 s at 5 ft", "--reviews", bad, ...args])).rejects.toThrow(UsageError);
    await expect(run(fitCommand, ["--groups", "/nonexistent/groups.csv", "--reviews", bad])).rejects.toThrow(/--reviews needs the readings/);
  });

  it("the readings as Parquet, kept in DuckDB, give the same fit, flags and exclusions as the CSV read whole", async () => {
    const parquet = join(mkdtempSync(join(tmpdir(), "xray-reviews-")), "outlier.parquet");
    const {openDb, sqlText} = await import("../../lib/io/duckdb.js");
    const db = await openDb();
    await db.run(`COPY (SELECT * FROM read_csv(${sqlText(withOutlier)}, all_varchar = true)) TO ${sqlText(parquet)} (FORMAT parquet)`);
    db.close();
    const excluded = reviews(["VAN-1-6,exclude,slipped decimal,RSO-1,2025-03-10", "VAN-1-2,note,checked,RSO-1,2025-03-10"]);
    const [csv, duck] = await Promise.all([withOutlier, parquet].map(async (file) => JSON.parse((await run(fitCommand, [file, "--reviews", excluded, "--model", "inverse-square", "--json"])).stdout)));
    // Parquet is always read by DuckDB: its readings are not held, so a single reading's influence is not checked.
    expect(duck.influence.checked).toBe(false);
    // Read whole, the influence screen sees the six readings fitted, not the one set aside.
    expect(csv.influence.screened).toBe(6);
    const exact = await libraryFit(EXACT);
    for (const json of [csv, duck]) {
      expect(json.n).toBe(6);
      expect(Math.abs(json.parameters.S.value / exact.parameters.S!.value - 1)).toBeLessThan(1e-12);
      expect(Math.abs(json.chiSquare / exact.chiSquare - 1)).toBeLessThan(1e-9);
      expect(json.flagged.count).toBe(0);
    }
    expect(duck.excluded).toEqual([{...csv.excluded[0], reading: {file: parquet, line: 8}}]);
    expect(csv.excluded[0].reading).toEqual({file: withOutlier, line: 8});
    // Without the review both engines flag the outlier.
    const unreviewed = JSON.parse((await run(fitCommand, [parquet, "--model", "inverse-square", "--json"])).stdout);
    expect(unreviewed.flagged.readings.map((r: {reading_id: string}) => r.reading_id)).toContain("VAN-1-6");
  });
});

describe("xray-dose scenario --distribution", () => {
  const base = ["--readings", EXACT, "--model", "inverse-square", "--distance", "2 m", "--duration", "1 h"];

  it("gives percentiles that agree with the analytic estimate and bounds of the same fit", async () => {
    const json = JSON.parse((await run(scenarioCommand, [...base, "--distribution", "--draws", "100000", "--json"])).stdout);
    const d = json.distribution;
    expect(d).toMatchObject({draws: 100_000, seed: 2026, interval: "prediction", unit: "uSv", fit: "all angles"});
    // The fit's estimate is about S/r² × 1 h = 100/4 = 25 µSv; the draws are log-symmetric about it, so it is their median.
    expect(json.dose.value).toBeCloseTo(25, 0);
    expect(Math.abs(d.percentiles.p50 / json.dose.value - 1)).toBeLessThan(0.01);
    // The one-sided 95 % bounds of the uncertainty budget are the 5th and 95th percentiles.
    expect(Math.abs(d.percentiles.p95 / json.upper95.value - 1)).toBeLessThan(0.02);
    expect(Math.abs(d.percentiles.p5 / json.lower95.value - 1)).toBeLessThan(0.02);
    const p = d.percentiles;
    expect(p.p2_5 < p.p5 && p.p5 < p.p50 && p.p50 < p.p95 && p.p95 < p.p97_5 && p.p97_5 < p.p99).toBe(true);
  });

  it("is reproducible with its seed, and prints the percentiles in text", async () => {
    const once = JSON.parse((await run(scenarioCommand, [...base, "--distribution", "--json"])).stdout).distribution;
    const again = JSON.parse((await run(scenarioCommand, [...base, "--distribution", "--json"])).stdout).distribution;
    expect(again).toEqual(once);
    const other = JSON.parse((await run(scenarioCommand, [...base, "--distribution", "--seed", "7", "--json"])).stdout).distribution;
    expect(other.percentiles.p95).not.toBe(once.percentiles.p95);
    const text = (await run(scenarioCommand, [...base, "--distribution"])).stdout;
    expect(text).toMatch(/Monte Carlo distribution \(20,000 draws, seed 2026, one occasion, fit all angles\):/);
    expect(text).toMatch(/95th percentile +[\d.]+ µSv \([\d.]+ mrem\)/);
    expect(JSON.parse((await run(scenarioCommand, [...base, "--json"])).stdout).distribution).toBeUndefined();
  });

  it("refuses what it cannot do with a usage error", async () => {
    await expect(run(scenarioCommand, ["--reference", "0.016 mrem in 10 s at 5 ft", "--distance", "1 m", "--duration", "1 h", "--distribution"])).rejects.toThrow(/needs --readings/);
    await expect(run(scenarioCommand, [...base, "--distribution", "--draws", "5"])).rejects.toThrow(/--draws "5" must be from 100 to 1000000/);
    await expect(run(scenarioCommand, [...base, "--distribution", "--seed", "0x10"])).rejects.toThrow(/--seed "0x10" must be a whole number written in decimal digits/);
    await expect(run(scenarioCommand, [...base, "--seed", "3"])).rejects.toThrow(/go with --distribution/);
  });
});

describe("one meaning of 95 %: the command line, the field map and the Monte Carlo", () => {
  it("scenario and exclusion print the bounds the Monte Carlo and the field map give for the same fit and question", async () => {
    const lib = await libraryFit(EXACT);
    const field = fitAsField(lib);
    const scenario = JSON.parse((await run(scenarioCommand, ["--readings", EXACT, "--model", "inverse-square", "--distance", "2 m", "--duration", "1 h", "--json"])).stdout);
    const mc = doseDistribution(field, {distance_m: 2, duration_s: 3600, interval: "prediction"}, 200_000, 8).percentiles.p95;
    expect(Math.abs(scenario.upper95.value / mc - 1)).toBeLessThan(0.01);
    const exclusion = JSON.parse((await run(exclusionCommand, ["--readings", EXACT, "--model", "inverse-square", "--limit", "20 uSv", "--per", "1 h", "--json"])).stdout);
    const radius = exclusionRadius(field, {limit_uSv: 20, period_s: 3600, interval: "prediction"}, [0.95], 200_000, 9).quantiles[0]!.radius_m;
    expect(Math.abs(exclusion.distance.value / radius - 1)).toBeLessThan(0.005);
  });
});
