// The shape of one `xray-dose` sub-command and the helpers every command shares.
import {parseArgs, type ParseArgsConfig} from "node:util";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full `--help` text. */
  help: string;
  /** Runs the command; returns the process exit code. Throws UsageError for a bad command line. */
  run(args: string[], io: Io): Promise<number>;
}

/** A mistake on the command line: printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** node:util parseArgs, with its errors turned into UsageError so the user never sees a stack trace. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({args, options: {...options, help: {type: "boolean", short: "h"}}, allowPositionals, strict: true});
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, "") : String(error));
  }
}
