// compliance --json says which verdicts hinge on one reading: a data folder with one planted reading (the parser
// accepts it) is checked as the site would publish it.
import {cp, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import type {Io} from "../../cli/command.js";
import {complianceCommand} from "../../cli/commands/compliance.js";
import type {ComplianceReport} from "../../lib/programme/compliance-report.js";
import {TEST_NOW} from "../clock.js";

const dirs: string[] = [];
const epoch = process.env.SOURCE_DATE_EPOCH;
process.env.SOURCE_DATE_EPOCH = String(TEST_NOW.getTime() / 1000);
afterAll(async () => {
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
  for (const d of dirs) await rm(d, {recursive: true, force: true});
});

describe("xray-dose compliance --json", () => {
  it("lists the planted reading with its effect, and the verdicts that hinge on it say so", async () => {
    const dir = await mkdtemp(join(tmpdir(), "compliance-influence-"));
    dirs.push(dir);
    await cp("data", dir, {recursive: true});
    // A net dose far below zero with a tiny uncertainty (a background over a longer time): it breaks ZBV-0417's fits.
    await writeFile(join(dir, "readings", "planted.csv"),
      "reading_id,device_id,measured_at,distance,distance_unit,angle_deg,duration,duration_unit,dose,dose_unit,uncertainty,background,instrument_id\n" +
      "PLANTED-2,ZBV-0417,2026-03-14T09:30:00Z,0.05,m,0,0.1,s,0.0001,uSv,0.00001,0.00833,PIC-0782\n");
    const out: string[] = [];
    const io: Io = {stdout: (t) => void out.push(t), stderr: () => undefined};
    expect(await complianceCommand.run([dir, "--json"], io)).toBe(0);
    const report = JSON.parse(out.join("\n")) as ComplianceReport;
    const planted = report.influence!.readings.find((r) => r.reading_id === "PLANTED-2")!;
    expect(planted.source).toBe(join(dir, "readings", "planted.csv") + ":2");
    expect(planted.effects.length).toBeGreaterThan(0);
    const hinged = report.verdicts.filter((v) => v.hinges_on.some((h) => h.reading_id === "PLANTED-2"));
    expect(hinged.length).toBeGreaterThan(0);
    for (const v of hinged) expect(v.hinges_on.find((h) => h.reading_id === "PLANTED-2")!.verdict_without).not.toBe(v.verdict);
  }, 120_000);
});
