// Entry point of `xray-dose`: dispatches to a sub-command and turns user mistakes into messages, never stack traces.
//
// Commands are loaded only when run: the list below is all `xray-dose --help` needs, so it answers without loading
// the unit library, the fitter or DuckDB (docs/performance.md, "Command line").
import type {Command, Io} from "./command.js";
import {UsageError} from "./command.js";
import {InputError, formatProblem} from "../lib/io/problems.js";
import {ClockError} from "../lib/io/clock.js";

interface Entry {
  name: string;
  /** One line for the command list; the same as the command's own summary (test/cli/main.test.ts checks). */
  summary: string;
  load: () => Promise<Command>;
}

// Each command lives in its own module under cli/commands/; register it here.
export const COMMANDS: Entry[] = [
  {name: "init", summary: "create an empty data folder for a real programme (manifest, limits, templates)", load: async () => (await import("./commands/init.js")).initCommand},
  {name: "validate", summary: "check a data folder (or readings files), each file and the files together; exit 1 on any error", load: async () => (await import("./commands/validate.js")).validateCommand},
  {name: "compliance", summary: "every verdict the site would publish for a data folder; exit 1 when the data has errors", load: async () => (await import("./commands/compliance.js")).complianceCommand},
  {name: "convert", summary: "convert a dose between units, or between quantities with a stated assumption", load: async () => (await import("./commands/convert.js")).convertCommand},
  {name: "fit", summary: "fit a dose-rate model (inverse-square, offset, power-law, air) to readings", load: async () => (await import("./commands/fit.js")).fitCommand},
  {name: "scenario", summary: "dose at a distance for a time or a number of scans, with a 95% upper bound", load: async () => (await import("./commands/scenario.js")).scenarioCommand},
  {name: "exclusion", summary: "smallest distance where a dose limit over a period is met (95% upper bound)", load: async () => (await import("./commands/exclusion.js")).exclusionCommand},
  {name: "time-to-limit", summary: "how long a person at a distance can stay before a dose limit is reached (95% upper bound)", load: async () => (await import("./commands/time-to-limit.js")).timeToLimitCommand},
  {name: "check-policy", summary: "check a policy's health-and-safety figures against units, physics, limits and everyday doses", load: async () => (await import("./commands/check-policy.js")).checkPolicyCommand},
  {name: "pack", summary: "write readings files as Parquet partitioned by device and year, for archives", load: async () => (await import("./commands/pack.js")).packCommand}
];

const consoleIo: Io = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n")
};

function overview(): string {
  const width = COMMANDS.reduce((w, c) => Math.max(w, c.name.length), 0);
  return [
    "xray-dose: validate and analyse dosimeter readings of a mobile backscatter X-ray device",
    "",
    "Usage: xray-dose COMMAND [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `xray-dose COMMAND --help` for the options of a command."
  ].join("\n");
}

export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`xray-dose: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // The unit library is loaded by the commands that use it; asked here only when something went wrong.
    const {UnitError} = await import("../lib/units/index.js");
    if (error instanceof UsageError || error instanceof UnitError || error instanceof ClockError) {
      io.stderr(`xray-dose ${name}: ${error.message}\nRun \`xray-dose ${name} --help\` for usage.`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(error.problems.map(formatProblem).join("\n"));
      return 1;
    }
    throw error; // a bug in the product, not a user mistake: let it show
  }
}
