// The site checks the newest policy text of the data folder and, when it holds an older version too, publishes what
// changed for the council briefing; a text the check cannot read at all stops the build.
import {cp, copyFile, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {readFileSync} from "node:fs";
import {afterEach, describe, expect, it} from "vitest";
import {loadDataset} from "../../lib/io/load-dataset.js";
import {InputError} from "../../lib/io/problems.js";
import {publish} from "../../lib/publish/publication.js";
import {TEST_NOW} from "../clock.js";

const code = {package_version: "test", commit: null};
const REVISED = new URL("../fixtures/policy/2026-04-01-revised-policy.txt", import.meta.url);

const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, {recursive: true, force: true});
});

async function dataWith(files: Record<string, URL | string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "data-policy-"));
  temps.push(dir);
  await cp("data", dir, {recursive: true});
  for (const [name, content] of Object.entries(files)) {
    if (content instanceof URL) await copyFile(content, join(dir, "policy", name));
    else await writeFile(join(dir, "policy", name), content);
  }
  return dir;
}

describe("the policy versions of a data folder", () => {
  it("are read oldest first by the dates in their names; the newest is checked and the change since the previous published", async () => {
    const dataset = await loadDataset(await dataWith({"2026-04-01-revised-policy.txt": REVISED}), {now: TEST_NOW});
    expect(dataset.policies.map((p) => p.version)).toEqual(["2021-04-11", "2026-04-01"]);
    const {publication} = publish(dataset, "public", code, {now: TEST_NOW});
    const revised = readFileSync(REVISED, "utf8");
    for (const c of publication.claims) expect(revised).toContain(c.quote);
    expect(publication.claims.find((c) => c.id === "not-checked")?.verdict).toBe("not-checked");
    expect(publication.policy).toMatchObject({version: "2026-04-01", previous: {version: "2021-04-11"}});
    // The revision states its own per-scan figure, which decides the flight comparison the grade C figure could not.
    expect(publication.policy!.changes!.verdicts.map((v) => v.id)).toEqual(["direct-scan-flight", "inverse-square-lower"]);
    // The policy's own figures come from its text; the device's doses stay at the fixed 5 ft and 10 ft points.
    expect(publication.policy_figures.map((f) => f.label)).toEqual(["6 ft for 10 s", "12 ft for 10 s"]);
    expect(publication.devices[0]!.policy_points.map((p) => p.label)).toEqual(["5 ft for 10 s", "10 ft for 10 s"]);
    expect(publication.scenarios.find((s) => s.id === "bystander-event")!.title).toMatch(/at 5 ft$/);
    expect(publication.briefing.questions).toContain('1 statement in the policy could not be checked as written (for example: "Surveys at the cordon found less than 0.2 mrad."). Will the department restate it in rem or sievert, with distance and time?');
  });

  it("publish the shipped policy alone with no changes, and say 5 ft is the policy's distance", async () => {
    const dataset = await loadDataset("data", {now: TEST_NOW});
    const {publication} = publish(dataset, "public", code, {now: TEST_NOW});
    expect(publication.policy).toEqual({path: "data/policy/2021-04-11-mobile-xray-impact-and-use-policy.txt", version: "2021-04-11", previous: null, changes: null});
    expect(publication.policy_figures.map((f) => [f.label, f.quote, f.dose_uSv])).toEqual([["5 ft for 10 s", "0.016 mrem (or 16 urem/microrem)", 0.16], ["10 ft for 10 s", "0.004 mrem (or 4 urem)", 0.04]]);
    expect(publication.scenarios.find((s) => s.id === "bystander-event")!.title).toMatch(/at 5 ft \(the policy's distance\)$/);
  });

  it("stop the build on a version without a date beside another, or a text without a health-and-safety section", async () => {
    const undated = await loadDataset(await dataWith({"revised.txt": REVISED}), {now: TEST_NOW}).catch((e: unknown) => e);
    expect(undated).toBeInstanceOf(InputError);
    expect((undated as InputError).problems.find((p) => p.severity === "error")!.message).toMatch(/has no date in its name/);
    const noSection = await loadDataset(await dataWith({"2026-01-01-policy.txt": "POLICY\n\nNothing about safety here.\n"}), {now: TEST_NOW}).catch((e: unknown) => e);
    expect(noSection).toBeInstanceOf(InputError);
    const problem = (noSection as InputError).problems.find((p) => p.severity === "error")!;
    expect(problem.file).toMatch(/2026-01-01-policy\.txt$/);
    expect(problem.message).toMatch(/^has no health-and-safety section/);
  });
});
