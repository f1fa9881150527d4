// `xray-dose init` and `xray-dose compliance`: a new programme's folder, refused overwrites, and every verdict the site
// would publish, with the documented exit codes and JSON shape.
import {mkdtemp, readFile, readdir, rm, writeFile, appendFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {UsageError, type Io} from "../../cli/command.js";
import {initCommand} from "../../cli/commands/init.js";
import {complianceCommand} from "../../cli/commands/compliance.js";
import {validateCommand} from "../../cli/commands/validate.js";
import {main} from "../../cli/main.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {stdout: (t) => void out.push(t), stderr: (t) => void err.push(t)};
  return {io, out, err};
}

const tmp = await mkdtemp(join(tmpdir(), "programme-"));
// The build's day for these tests: 2026-11-30 (after the readings below). The commands read it from the environment.
const epoch = process.env.SOURCE_DATE_EPOCH;
process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2026, 10, 30, 12) / 1000);
afterAll(async () => {
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
  await rm(tmp, {recursive: true, force: true});
});

const OPTIONS = ["--programme", "Van programme", "--agency", "City police", "--jurisdiction", "Washington State, USA"];
// 8 readings of one new device at 0°, about 56 µSv/h at 5 ft over 10 minutes each, written as rates.
const VAN_READINGS = [55.2, 57.1, 56.4, 54.8, 56.9, 55.7, 57.3, 56.0].map((rate, k) =>
  `V-${k + 1},VAN-01,,2026-11-0${2 + Math.floor(k / 4)}T10:${String((k % 4) * 15).padStart(2, "0")}:00-05:00,5,ft,0,10,min,${rate},µSv/h,,8%,,,integrating,EPD-5001,2026-06-15,,,,`
).join("\n") + "\n";

describe("xray-dose init", () => {
  it("creates a folder with a manifest, the project's limits and everyday doses, templates and notes", async () => {
    const dir = join(tmp, "new");
    const {io, out} = capture();
    expect(await initCommand.run([dir, ...OPTIONS, "--site-url", "https://example.org/van"], io)).toBe(0);
    expect(out.join("\n")).toMatch(/^created .*new\/ for a new programme:/);
    const files = (await readdir(dir, {recursive: true})).sort();
    expect(files).toEqual(["README.md", "certificates", "certificates/certificate.json.template", "dataset.json", "deployments", "deployments/deployments.csv",
      "everyday-doses.json", "limits.json", "policy", "policy/README.md", "readings", "readings/readings.csv", "reviews.csv"]);
    expect(await readFile(join(dir, "reviews.csv"), "utf8")).toBe("reading_id,action,reason,reviewed_by,reviewed_on\n");
    expect(await readFile(join(dir, "limits.json"), "utf8")).toBe(await readFile("data/limits.json", "utf8"));
    expect(await readFile(join(dir, "everyday-doses.json"), "utf8")).toBe(await readFile("data/everyday-doses.json", "utf8"));
    const manifest = JSON.parse(await readFile(join(dir, "dataset.json"), "utf8"));
    expect(manifest).toMatchObject({programme: "Van programme", agency: "City police", jurisdiction: "Washington State, USA", synthetic: false, site_url: "https://example.org/van/"});
    expect(manifest.limits).toHaveLength(16);
    expect(await readFile(join(dir, "readings/readings.csv"), "utf8")).toBe("reading_id,device_id,dosimeter_id,measured_at,distance,distance_unit,angle_deg,duration,duration_unit,dose,dose_unit,quantity,uncertainty,background,mdl,instrument_type,instrument_id,instrument_calibrated_on,calibration_uncertainty,energy_response_uncertainty,duration_basis,notes\n");
    expect(await readFile(join(dir, "README.md"), "utf8")).toMatch(/docs\/data-formats\.md/);
  });

  it("refuses a folder that is not empty (exit 1, nothing written), and is a usage error without one", async () => {
    const dir = join(tmp, "taken");
    await initCommand.run([dir], capture().io);
    await writeFile(join(dir, "dataset.json"), "mine");
    const {io, err} = capture();
    expect(await initCommand.run([dir], io)).toBe(1);
    expect(err.join("\n")).toMatch(/is not empty .* init never overwrites anything/);
    expect(await readFile(join(dir, "dataset.json"), "utf8")).toBe("mine");
    await expect(initCommand.run([], io)).rejects.toThrow(UsageError);
    await expect(initCommand.run([join(tmp, "bad-url"), "--site-url", "example.org"], io)).rejects.toThrow(/--site-url: "example.org" is not an absolute address/);
  });

  it("leaves placeholders that validation refuses until they are replaced", async () => {
    const dir = join(tmp, "placeholders");
    const {io, out} = capture();
    await initCommand.run([dir], io);
    expect(out.join("\n")).toMatch(/Replace the "EDIT ME" values/);
    const v = capture();
    expect(await validateCommand.run([dir], v.io)).toBe(1);
    expect(v.err.filter((l) => /still holds the placeholder/.test(l)).map((l) => l.split(": ")[1])).toEqual(["column $.programme", "column $.agency", "column $.jurisdiction"]);
    // A fresh folder's next step, said by the validator: readings below the template's header.
    expect(v.err.some((l) => /readings\.csv:1: the file has a header but no readings; add one line per reading below the header/.test(l))).toBe(true);
  });
});

describe("xray-dose compliance", () => {
  it("on a new device with no deployments and no certificate: every verdict cannot be determined, with the reason", async () => {
    const dir = join(tmp, "van");
    await initCommand.run([dir, ...OPTIONS], capture().io);
    await appendFile(join(dir, "readings/readings.csv"), VAN_READINGS);
    const {io, out, err} = capture();
    expect(await complianceCommand.run([dir, "--json"], io)).toBe(0);
    expect(err).toEqual([`3 warnings in the data: \`xray-dose validate ${dir}\` lists them`]);
    const report = JSON.parse(out.join("\n"));
    expect(report).toMatchObject({data_dir: dir, synthetic: false, as_of: "2026-11-30", data_as_of: "2026-11-03T10:45:00-05:00", excluded: []});
    expect(report.devices).toEqual([{device_id: "VAN-01", readings: 8, excluded: 0, deployments: 0, certificate: "missing", model: expect.any(String), effective_energy_keV: 60, effective_energy_assumed: true}]);
    expect(report.verdicts.length).toBeGreaterThan(20);
    expect(new Set(report.verdicts.map((v: {verdict: string}) => v.verdict))).toEqual(new Set(["cannot be determined"]));
    const hour = report.verdicts.find((v: {scenario_id: string; limit_id: string}) => v.scenario_id === "bystander-hour" && v.limit_id === "L5");
    expect(hour).toMatchObject({device_id: "VAN-01", scenario: "A bystander's worst hour, at 5 ft", limit_uSv: 20, period_s: 3600, dose_uSv: null, upper95_uSv: null, verdict: "cannot be determined", reason: expect.stringMatching(/VAN-01 has no deployments in the log/)});
    expect(report.verdicts.find((v: {limit_id: string}) => v.limit_id === "L1").period_s).toBeNull();
    expect(report.verdicts.find((v: {limit_id: string}) => v.limit_id === "L6").period_s).toBe(31_536_000);
    expect(report.problems.map((p: {message: string}) => p.message.slice(0, 40))).toEqual([
      "holds no policy text (.txt), so the poli", "device VAN-01 has 8 readings but no cali", "device VAN-01 has no deployments in the "
    ]);
  });

  it("says what it found in plain lines: one per device, then one per scenario and verdict", async () => {
    const {io, out} = capture();
    expect(await complianceCommand.run([join(tmp, "van")], io)).toBe(0);
    const lines = out.join("\n").split("\n");
    expect(lines[1]).toMatch(/^VAN-01: 8 readings, 0 deployments, certificate missing, model \S+: 0 within, 0 exceed, \d+ cannot be determined$/);
    expect(lines).toContain("  A bystander's worst hour, at 5 ft: cannot be determined for L5, L7: the dose could not be estimated (device VAN-01 has no deployments in the log, so how long and how close people were exposed is not known).");
  });

  it("exits 1 with the problems on stderr and in the JSON when the data has errors, and 2 on a usage error", async () => {
    const dir = join(tmp, "van-bad");
    await initCommand.run([dir, ...OPTIONS], capture().io);
    await appendFile(join(dir, "readings/readings.csv"), VAN_READINGS.replace("µSv/h", "µSV/h"));
    const {io, out, err} = capture();
    expect(await complianceCommand.run([dir, "--json"], io)).toBe(1);
    expect(err.at(-1)).toMatch(/readings\.csv:2: column dose_unit: "µSV\/h" is not a unit this product knows: did you mean "µSv\/h"\?/);
    const report = JSON.parse(out.join("\n"));
    expect(report.verdicts).toEqual([]);
    expect(report.problems.filter((p: {severity: string}) => p.severity === "error")).toEqual([{severity: "error", file: join(dir, "readings/readings.csv"), line: 2, column: "dose_unit", message: expect.stringMatching(/did you mean/)}]);
    expect(await main(["compliance", "a", "b"], capture().io)).toBe(2);
  });
});
