// Entry point of `xray-dose`: dispatches to a sub-command and turns user mistakes into messages, never stack traces.
import type {Command, Io} from "./command.js";
import {UsageError} from "./command.js";
import {ClockError, InputError, formatProblem} from "../lib/io/index.js";
import {UnitError} from "../lib/units/index.js";

import {validateCommand} from "./commands/validate.js";
import {convertCommand} from "./commands/convert.js";
import {fitCommand} from "./commands/fit.js";
import {scenarioCommand} from "./commands/scenario.js";
import {exclusionCommand} from "./commands/exclusion.js";
import {timeToLimitCommand} from "./commands/time-to-limit.js";
import {checkPolicyCommand} from "./commands/check-policy.js";
import {initCommand} from "./commands/init.js";
import {complianceCommand} from "./commands/compliance.js";

// Each command lives in its own module under cli/commands/; register it here.
const COMMANDS: Command[] = [initCommand, validateCommand, complianceCommand, convertCommand, fitCommand, scenarioCommand, exclusionCommand, timeToLimitCommand, checkPolicyCommand];

const consoleIo: Io = {
  stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n")
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`xray-dose: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
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
