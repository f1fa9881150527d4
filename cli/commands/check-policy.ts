// `xray-dose check-policy [FILE]`: checks the quantitative statements of any plain-text policy's health-and-safety
// section (by default the newest in data/policy/) against units, physics, the per-screening limits
// (data/limits.json), the cited everyday doses (data/everyday-doses.json) and, where available, field data; with
// --since, what changed from an older version.
import {readdir} from "node:fs/promises";
import {rangedQuantity} from "../options.js";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import type {Command, Io} from "../command.js";
import {UsageError, parseOptions} from "../command.js";
import {InputError, clockFromEnv, hasErrors, readInput, type Problem} from "../../lib/io/index.js";
import {parseReadingsCsv} from "../../lib/readings/index.js";
import {airContext, readingsToPoints} from "../../lib/models/index.js";
import {PhysicsError, convertDose} from "../../lib/physics/index.js";
import {conservativeEstimator, fitDevice} from "../../lib/publish/device-models.js";
import {parseQuantity, toCanonical} from "../../lib/units/index.js";
import {DEFAULT_EFFECTIVE_ENERGY_keV} from "../model-input.js";
import {
  CLAIM_VERDICTS,
  checkPolicy,
  diffPolicies,
  loadEverydayDoses,
  loadLimits,
  orderPolicyVersions,
  policyTextProblems,
  type ClaimResult,
  type Estimator,
  type PolicyCheck,
  type PolicyCheckInput,
  type PolicyDiff
} from "../../lib/compliance/index.js";

const DATA_DIR = new URL("../../data/", import.meta.url);

const HELP = `Usage: xray-dose check-policy [FILE] [--data DIR] [--json] [--readings FILE.csv ...] [--effective-energy E] [--since OLD]

Checks the quantitative statements of a plain-text policy's health-and-safety section (a heading naming health,
safety or radiation), quoted exactly from FILE (default: the newest text in the data folder's policy/, by the date in its name):
that the units inside a statement agree, that statements at different distances agree under the inverse square
law (doses for the same duration, dose rates, and doses against rates), that per-scan figures are within the
per-screening limits (the data folder's limits.json), that comparisons in words hold against the everyday doses of
its everyday-doses.json (each with its source and grade), and whether field data support the stated figures.

Each check is consistent, inconsistent or unsupported, with its numbers; a sentence with a number and unit the
check cannot read is listed as not checked. A text without a health-and-safety section, or without any dose,
dose rate or comparison in it, is refused (exit 1).

Options:
  --data DIR       the programme's data folder (default: $XRAY_DATA_DIR, else the sample data/ shipped with the tool)
  --readings FILE  field readings (CSV, docs/data-formats.md) of one device, repeatable: fitted as the site fits
                   them (every model, all angles and each 45° sector with 5+ readings, each group's best-supported
                   model, the group with the highest 95 % upper bound), and the one-sided 95 % bounds at each stated
                   distance are compared with the policy's figures: the site's answer. Without readings those
                   checks are unsupported.
  --effective-energy E  effective photon energy for air attenuation and build-up and for converting air-kerma
                   and exposure readings (default ${DEFAULT_EFFECTIVE_ENERGY_keV} keV, as the site without a certificate)
  --since OLD      an older version of the policy: also say which figures changed, which checks changed verdict,
                   and which are new or gone.
  --json           print {"claims": [{"id", "quote", "section", "check", "verdict", "explanation", "numbers"}]}
                   (and "since": {"file", "figures", "verdicts", "added", "removed"} with --since)
  -h, --help       show this help`;

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** A text file through the one opener (lib/io/open-input.ts): devices and pipes refused, the bytes capped. */
async function readText(path: string, fix: string): Promise<string> {
  const input = await readInput(path);
  if (!input.ok) throw new InputError([{...input.problem, file: shown(path), message: `${input.problem.message}; ${fix}`}]);
  return input.bytes.toString("utf8");
}

/**
 * Parse the readings files and fit them as the site does (lib/publish/device-models.ts), at the effective energy: every
 * model over all angles and each 45° sector with enough readings, each group's best-supported model, and the estimate
 * of the group with the highest 95 % upper bound. Refuses, with every problem, files with errors or several devices.
 */
async function siteEstimator(paths: readonly string[], energy_keV: number): Promise<Estimator> {
  const readings = [];
  const problems: Problem[] = [];
  const now = clockFromEnv();
  for (const path of paths) {
    const input = await readInput(path);
    if (!input.ok) {
      problems.push(input.problem);
      continue;
    }
    const text = input.bytes.toString("utf8");
    const parsed = parseReadingsCsv(text, path, {now});
    problems.push(...parsed.problems);
    readings.push(...parsed.readings);
  }
  if (hasErrors(problems)) throw new InputError(problems);
  const devices = [...new Set(readings.map((r) => r.device_id))];
  if (devices.length > 1) {
    throw new InputError([{severity: "error", file: paths.join(", "), column: "device_id", message: `readings of ${devices.length} devices (${devices.join(", ")}); the policy describes one device, so give one device's readings`}]);
  }
  let points;
  try {
    points = readingsToPoints(readings, {toDoseEquivalent: (value, r) => convertDose(value, r.quantity, "H*(10)", {effectiveEnergy_keV: energy_keV}).value});
  } catch (error) {
    if (error instanceof PhysicsError) throw new UsageError(`--effective-energy: ${error.message}`);
    throw error;
  }
  if (hasErrors(points.problems)) throw new InputError(points.problems);
  return conservativeEstimator(fitDevice(devices[0] ?? "", points.points, airContext(energy_keV)));
}

function energyOption(text: string | undefined): number {
  if (text === undefined) return DEFAULT_EFFECTIVE_ENERGY_keV;
  const e = rangedQuantity("effective-energy", text, "energy");
  try {
    airContext(e);
  } catch (error) {
    if (error instanceof PhysicsError) throw new UsageError(`--effective-energy: ${error.message}`);
    throw error;
  }
  return e;
}

/** The newest policy text of the data folder's policy/ (by the date in the file names). */
async function newestPolicy(dataDir: string): Promise<string> {
  const dir = join(dataDir, "policy");
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".txt"));
  } catch {
    // no folder: reported below
  }
  if (names.length === 0) throw new InputError([{severity: "error", file: shown(dir), message: "holds no policy text (.txt); give the policy file: xray-dose check-policy FILE"}]);
  const {versions, problems} = orderPolicyVersions(names.map((n) => shown(join(dir, n))));
  if (problems.length > 0) throw new InputError(problems);
  return versions.at(-1)!.path;
}

/** The everyday doses and the limits registry of the data folder. */
async function registries(dataDir: string): Promise<Omit<PolicyCheckInput, "estimate">> {
  const dosesPath = join(dataDir, "everyday-doses.json");
  const limitsPath = join(dataDir, "limits.json");
  const everyday = loadEverydayDoses(await readText(dosesPath, "restore it from the repository"), shown(dosesPath));
  const limits = loadLimits(await readText(limitsPath, "restore it from the repository"), shown(limitsPath));
  const problems = [...everyday.problems, ...limits.problems];
  if (hasErrors(problems)) throw new InputError(problems);
  return {everyday: everyday.doses, limits: limits.limits};
}

/** One policy text checked; a text that cannot be checked at all is an InputError naming the file. */
async function checkFile(path: string, input: PolicyCheckInput): Promise<PolicyCheck> {
  const check = checkPolicy(await readText(path, "check the path"), input);
  const problems = policyTextProblems(check, shown(path));
  if (problems.length > 0) throw new InputError(problems);
  return check;
}

export interface PolicyCheckRun {
  /** The policy checked, as shown to the user. */
  file: string;
  claims: ClaimResult[];
  since?: {file: string} & PolicyDiff;
}

/** The check of FILE (default: the newest policy text of the data folder), and the changes since OLD if given. */
export async function runPolicyCheck(options: {file?: string; since?: string; dataDir?: string; estimate?: Estimator} = {}): Promise<PolicyCheckRun> {
  const dataDir = options.dataDir ?? fileURLToPath(DATA_DIR);
  const input = {...(await registries(dataDir)), ...(options.estimate ? {estimate: options.estimate} : {})};
  const file = options.file ?? (await newestPolicy(dataDir));
  const check = await checkFile(file, input);
  const run: PolicyCheckRun = {file: shown(file), claims: check.claims};
  if (options.since !== undefined) run.since = {file: shown(options.since), ...diffPolicies(await checkFile(options.since, input), check)};
  return run;
}

const said = (v: ClaimResult["verdict"]) => v.replace("-", " ");

function formatSince(since: NonNullable<PolicyCheckRun["since"]>): string[] {
  const lines = ["", `Changes since ${since.file}:`];
  if (since.figures.length + since.verdicts.length + since.added.length + since.removed.length === 0) return [...lines, "  No figure or verdict changed."];
  if (since.figures.length > 0) lines.push("  Figures changed:", ...since.figures.map((f) => `    ${f.label}: ${f.old ?? "(none)"} → ${f.new ?? "(none)"}`));
  if (since.verdicts.length > 0) lines.push("  Verdicts changed:", ...since.verdicts.map((v) => `    ${said(v.old)} → ${said(v.new)}  ${v.check}  [${v.id}]`));
  if (since.added.length > 0) lines.push("  New checks:", ...since.added.map((c) => `    ${said(c.verdict)}  ${c.check}  [${c.id}]`));
  if (since.removed.length > 0) lines.push("  Checks no longer made:", ...since.removed.map((c) => `    ${said(c.verdict)}  ${c.check}  [${c.id}]`));
  return lines;
}

function formatText(run: PolicyCheckRun): string {
  const count = (v: ClaimResult["verdict"]) => run.claims.filter((c) => c.verdict === v).length;
  const tally = CLAIM_VERDICTS.filter((v) => v !== "not-checked" || count(v) > 0).map((v) => `${count(v)} ${said(v)}`);
  const lines = [`Policy claims check: ${run.file}`, `${run.claims.length} checks: ${tally.join(", ")}`];
  for (const c of run.claims) {
    lines.push("", `${said(c.verdict).toUpperCase()}  ${c.check}  [${c.id}]`, `  Section: ${c.section}`, `  Quote: "${c.quote}"`, `  ${c.explanation}`);
  }
  if (run.since) lines.push(...formatSince(run.since));
  return lines.join("\n");
}

export const checkPolicyCommand: Command = {
  name: "check-policy",
  summary: "check a policy's health-and-safety figures against units, physics, limits and everyday doses",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const {values, positionals} = parseOptions(args, {json: {type: "boolean"}, readings: {type: "string", multiple: true}, since: {type: "string"}, "effective-energy": {type: "string"}, data: {type: "string"}});
    if (positionals.length > 1) throw new UsageError(`give one policy file, not ${positionals.length} (${positionals.join(", ")})`);
    const energy_keV = energyOption(values["effective-energy"]);
    const estimate = values.readings && values.readings.length > 0 ? await siteEstimator(values.readings, energy_keV) : undefined;
    const dataDir = values.data ?? (process.env.XRAY_DATA_DIR?.trim() ? process.env.XRAY_DATA_DIR : undefined);
    const run = await runPolicyCheck({
      ...(dataDir !== undefined ? {dataDir} : {}),
      ...(positionals[0] !== undefined ? {file: positionals[0]} : {}), ...(values.since !== undefined ? {since: values.since} : {}), ...(estimate ? {estimate} : {})
    });
    if (values.json) {
      io.stdout(JSON.stringify(run.since ? {claims: run.claims, since: run.since} : {claims: run.claims}, null, 2));
    } else {
      io.stdout(formatText(run));
    }
    return 0;
  }
};
