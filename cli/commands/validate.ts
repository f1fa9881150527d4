// `xray-dose validate PATH...`: check field-readings files before anything is published from them.
import {extent} from "d3-array";
import type {Command, Io} from "../command.js";
import {parseOptions, UsageError} from "../command.js";
import {formatProblem, hasErrors} from "../../lib/io/problems.js";
import {readReadingsPaths} from "../../lib/io/read-readings.js";
import {clockFromEnv} from "../../lib/io/clock.js";

const HELP = `Usage: xray-dose validate PATH...

Check field dosimeter readings (CSV files, or folders searched for *.csv) against the
format in docs/data-formats.md, "Field readings".

Prints a summary on stdout and one line per problem on stderr:
  FILE:LINE: column C: what is wrong and what would fix it
Warnings (a rate meter was used, a lapsed calibration, a background above the
reading, a reading far off the device's others) are printed but do not fail.

Exit status: 0 valid (warnings allowed), 1 any error, 2 a usage error.

Options:
  -h, --help   show this help`;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check field-readings CSV files; exit 1 on any error",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const {positionals} = parseOptions(args, {});
    if (positionals.length === 0) throw new UsageError("name at least one readings file or folder");
    const {readings, problems, files} = await readReadingsPaths(positionals, {now: clockFromEnv()});
    for (const p of problems) io.stderr(formatProblem(p));

    const errors = problems.filter((p) => p.severity === "error").length;
    const warnings = problems.length - errors;
    const devices = [...new Set(readings.map((r) => r.device_id))].sort();
    // d3 extent, not Math.min(...): spreading millions of readings into arguments overflows the stack.
    const [first, last] = extent(readings, (r) => r.measured_at_ms);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const span = first === undefined || last === undefined ? "" : `, ${day(first)} to ${day(last)} (UTC)`;
    const lines = [
      `${plural(files.length, "file")}, ${plural(readings.length, "reading")}${devices.length ? ` from ${plural(devices.length, "device")} (${devices.join(", ")})` : ""}${span}`,
      ...files.map((f) => `  ${f.path}: ${plural(f.rows, "reading")}, sha256 ${f.sha256}`),
      `${plural(errors, "error")}, ${plural(warnings, "warning")}`,
      hasErrors(problems) ? "INVALID: fix the errors above before publishing anything from these readings" : "valid"
    ];
    io.stdout(lines.join("\n"));
    return hasErrors(problems) ? 1 : 0;
  }
};
