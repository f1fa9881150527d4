// `xray-dose validate [DIR | PATH...]`: check a whole data folder (its files on their own and against each other), or
// field-readings files, before anything is published from them.
import {existsSync, statSync} from "node:fs";
import {join} from "node:path";
import {extent} from "d3-array";
import type {Command, Io} from "../command.js";
import {parseOptions} from "../command.js";
import {InputError, formatProblem, hasErrors, type Problem} from "../../lib/io/problems.js";
import {analysisProblems} from "../../lib/publish/analysis-checks.js";
import {scanReadings} from "../../lib/io/scan-readings.js";
import {readDataset, type Dataset} from "../../lib/io/load-dataset.js";
import {clockFromEnv} from "../../lib/io/clock.js";
import {MANIFEST_FILE} from "../../lib/programme/manifest.js";
import {influenceWarnings} from "../../lib/publish/reading-influence.js";

const HELP = `Usage: xray-dose validate [DIR]
       xray-dose validate PATH...

With a data folder (DIR: a folder with dataset.json, or readings/, certificates/,
deployments/, limits.json; default: $XRAY_DATA_DIR, else data/), checks every file
in it against docs/data-formats.md, and the files against each other: every device
with readings has a certificate covering their dates, deployments and certificates
name known devices, each instrument's calibration dates agree across files, and
dataset.json is valid, and reviews.csv names known readings. Each device's output at
1 m on the beam side is charted per quarter and per calibration period (fitted as the site
fits it): a period out of control is a warning. This is the check the site build runs first.

With readings files (CSV or Parquet files, or folders searched for *.csv and *.parquet
that are not data folders), checks the field readings only, as in docs/data-formats.md,
"Field readings". Large files are checked with DuckDB; every problem is reported exactly
as for small ones (docs/scaling.md).

Prints a summary on stdout and one line per problem on stderr:
  FILE:LINE: column C: what is wrong and what would fix it
Warnings (a rate meter was used, a lapsed calibration, a device without a
certificate or deployments, a value outside its plausible range, a reading that
alone decides a device's 5 ft or 10 ft figure...) are printed but do not fail.

Exit status: 0 valid (warnings allowed), 1 any error, 2 a usage error.

Options:
  -h, --help   show this help`;

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

/** A folder that holds a programme's data, as opposed to a folder of readings files. */
export function isDataFolder(path: string): boolean {
  if (!existsSync(path) || !statSync(path).isDirectory()) return false;
  return [MANIFEST_FILE, "limits.json", "readings", "certificates", "deployments"].some((name) => existsSync(join(path, name)));
}

/** The data folder a command works on when none is named: $XRAY_DATA_DIR, else data/. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return env.XRAY_DATA_DIR && env.XRAY_DATA_DIR.trim() !== "" ? env.XRAY_DATA_DIR : "data";
}

const counts = (problems: readonly Problem[]) => {
  const errors = problems.filter((p) => p.severity === "error").length;
  return `${plural(errors, "error")}, ${plural(problems.length - errors, "warning")}`;
};

function describeFolder(dir: string, d: Dataset): string[] {
  const devices = [...new Set(d.readings.map((r) => r.device_id))].sort();
  const [first, last] = extent(d.readings, (r) => r.measured_at_ms);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const files = (kind: string) => d.files.filter((f) => f.kind === kind).length;
  return [
    `${dir}: ${d.manifest.programme}, ${d.manifest.agency} (${d.manifest.jurisdiction})${d.manifest.synthetic ? ", synthetic sample data" : ""}`,
    `  readings: ${plural(files("readings"), "file")}, ${plural(d.readings.length, "reading")}${devices.length ? ` from ${plural(devices.length, "device")} (${devices.join(", ")})` : ""}${first !== undefined && last !== undefined ? `, ${day(first)} to ${day(last)} (UTC)` : ""}`,
    `  certificates: ${plural(d.certificates.length, "certificate")}; deployment log: ${plural(d.deployments.length, "deployment")}; policy: ${d.policies.length === 0 ? "none" : d.policies.length === 1 ? "1 text" : `${d.policies.length} versions`}`,
    `  limits that apply: ${d.manifest.limits.join(", ")}`
  ];
}

/**
 * Validate a data folder: every problem on stderr (warnings first, so the errors are the last lines), a summary on
 * stdout. Returns the dataset when it is valid. The site build runs this before anything is built or deleted.
 */
export async function validateFolder(dir: string, io: Io, now: Date): Promise<Dataset | null> {
  const read = await readDataset(dir, {now});
  const problems = [...read.problems];
  let dataset = read.dataset;
  // What only the fits can tell (a device's output out of control), as the site computes it; a reading the fits
  // cannot use (elapsed time no deployment covers) is an error here as it is in the build.
  if (dataset) {
    try {
      problems.push(...analysisProblems(dataset));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
      if (hasErrors(error.problems)) dataset = null;
    }
  }
  // Readings that alone decide a device's 5 ft or 10 ft figure (fitted as the site fits; the build checks every figure).
  if (dataset) problems.push(...influenceWarnings(dataset.readings));
  for (const p of [...problems.filter((p) => p.severity === "warning"), ...problems.filter((p) => p.severity === "error")]) io.stderr(formatProblem(p));
  io.stdout([
    ...(dataset ? describeFolder(dir, dataset) : [`${dir}: data folder`]),
    counts(problems),
    dataset ? "valid" : "INVALID: fix the errors above; nothing can be published from this folder until they are fixed"
  ].join("\n"));
  return dataset;
}

async function validateReadings(paths: string[], io: Io): Promise<number> {
  const scan = await scanReadings(paths, {now: clockFromEnv()});
  scan.close();
  const {files} = scan;
  const problems = [...scan.problems];
  // Readings that alone decide a published figure (fitted as the site fits, at 60 keV for air kerma and exposure):
  // this needs every reading as an object, so it is done when they were read whole (below DuckDB's volumes).
  if (!hasErrors(problems) && scan.held !== null) problems.push(...influenceWarnings(scan.held));
  for (const p of problems) io.stderr(formatProblem(p));
  const devices = scan.devices.map((d) => d.device_id);
  const first = scan.devices.reduce((m, d) => Math.min(m, d.first_ms), Infinity);
  const last = scan.devices.reduce((m, d) => Math.max(m, d.last_ms), -Infinity);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const span = devices.length === 0 ? "" : `, ${day(first)} to ${day(last)} (UTC)`;
  const lines = [
    `${plural(files.length, "file")}, ${plural(scan.readings, "reading")}${devices.length ? ` from ${plural(devices.length, "device")} (${devices.join(", ")})` : ""}${span}`,
    ...files.map((f) => `  ${f.path}: ${plural(f.rows, "reading")}, sha256 ${f.sha256}`),
    counts(problems),
    ...(scan.held === null && !hasErrors(problems) ? ["single readings' influence not checked: the readings stayed in DuckDB (inputs of 2 MB or more); the site's build checks it"] : []),
    hasErrors(problems) ? "INVALID: fix the errors above before publishing anything from these readings" : "valid"
  ];
  io.stdout(lines.join("\n"));
  return hasErrors(problems) ? 1 : 0;
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check a data folder (or readings files), each file and the files together; exit 1 on any error",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const {positionals} = parseOptions(args, {});
    const dir = positionals.length === 0 ? defaultDataDir() : positionals.length === 1 && isDataFolder(positionals[0]!) ? positionals[0]! : null;
    if (dir !== null) return (await validateFolder(dir, io, clockFromEnv())) ? 0 : 1;
    return validateReadings(positionals, io);
  }
};
