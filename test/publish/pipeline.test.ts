// The path from data/ to published numbers: deterministic output, a broken input stopping the build with the
// validator's messages, restricted fields absent from the public tables, and "cannot be determined" when the data
// cannot decide.
import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {cp, mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {loadDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {InputError} from "../../lib/io/problems.js";
import {publish} from "../../lib/publish/publication.js";
import {tableToCsv} from "../../lib/publish/table-files.js";
import {restrictedValues} from "../../lib/publish/restricted.js";
import {TEST_NOW} from "../clock.js";

const code = {package_version: "test", commit: null};
const dataset = await loadDataset("data", {now: TEST_NOW});

describe("publication", () => {
  it("is byte-identical when built twice from the same inputs", () => {
    const a = publish(dataset, "public", code, {now: TEST_NOW});
    const b = publish(structuredClone(dataset), "public", code, {now: TEST_NOW});
    expect(JSON.stringify(b.publication)).toBe(JSON.stringify(a.publication));
    expect(b.tables.map(tableToCsv)).toEqual(a.tables.map(tableToCsv));
  });

  it("dates the data by its newest reading, not by the clock", () => {
    const newest = dataset.readings.reduce((a, b) => (b.measured_at_ms > a.measured_at_ms ? b : a));
    expect(publish(dataset, "public", code, {now: TEST_NOW}).publication.data_as_of).toBe(newest.measured_at);
  });

  it("keeps every restricted value out of the public tables and publication, and in the internal ones", () => {
    const values = restrictedValues(dataset);
    const text = (audience: "public" | "internal") => {
      const {publication, tables} = publish(dataset, audience, code, {now: TEST_NOW});
      return JSON.stringify(publication) + tables.map(tableToCsv).join("");
    };
    const pub = text("public");
    expect(values.filter((v) => pub.includes(v))).toEqual([]);
    // The operators come from the deployment log itself, not from restrictedValues: an empty list must fail here.
    const operators = [...new Set(dataset.deployments.flatMap((d) => d.operators))];
    expect(operators.length).toBeGreaterThan(5);
    const internal = text("internal");
    expect(operators.filter((op) => !internal.includes(op))).toEqual([]);
    expect(operators.filter((op) => pub.includes(op))).toEqual([]);
  });

  it("gives 'cannot be determined', never 'within', when a device has too few readings to fit", () => {
    const few: Dataset = {...dataset, readings: [...dataset.readings.filter((r) => r.device_id !== "ZBV-0522"), ...dataset.readings.filter((r) => r.device_id === "ZBV-0522" && !r.censored).slice(0, 3)]};
    const {publication} = publish(few, "public", code, {now: TEST_NOW});
    const scenarios = publication.scenarios.filter((s) => s.device_id === "ZBV-0522" && s.id !== "occupant-scan" && s.id !== "occupant-year");
    expect(scenarios.length).toBeGreaterThan(0);
    for (const s of scenarios) {
      for (const v of s.verdicts) expect(v.verdict).toBe("cannot-be-determined");
      expect(s.upper95_uSv).toBeNull();
    }
    expect(publication.devices.find((d) => d.device_id === "ZBV-0522")!.exclusion.every((e) => e.distance_m === null)).toBe(true);
  });
});

describe("a broken input stops the build", () => {
  async function brokenCopy(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "data-"));
    await cp("data", dir, {recursive: true});
    const file = join(dir, "readings", "ZBV-0417-2026.csv");
    const lines = (await readFile(file, "utf8")).split("\n");
    // Line 5 of the file gets a dose unit in the wrong case.
    lines[4] = lines[4]!.replace(/,(µSv|uSv|mrem|urem|µrem|µR|uR),/, ",mSV,");
    await writeFile(file, lines.join("\n"));
    return dir;
  }

  it("refuses the data set with the validator's file:line:column message", async () => {
    const dir = await brokenCopy();
    const error = await loadDataset(dir, {now: TEST_NOW}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const problem = (error as InputError).problems.find((p) => p.severity === "error")!;
    expect(problem.file).toMatch(/ZBV-0417-2026\.csv$/);
    expect(problem.line).toBe(5);
    expect(problem.column).toBe("dose_unit");
  });

  it("makes the data loader exit non-zero with one line per problem and no stack trace", async () => {
    const dir = await brokenCopy();
    const run = spawnSync("npx", ["tsx", "src/data/pages/[page].json.ts", "--page=overview"], {encoding: "utf8", env: {...process.env, XRAY_DATA_DIR: dir}});
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/ZBV-0417-2026\.csv:5: column dose_unit: "mSV" is not a unit this product knows: did you mean "mSv"\?/);
    expect(run.stderr).toMatch(/nothing was published/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
