// How every data loader runs: write the output to stdout, or fail the build with the same one-line problems as
// `xray-dose validate` (FILE:LINE: column C: message) and a non-zero exit, never a stack trace for a data mistake.
import {InputError, formatProblem} from "../../lib/io/problems.js";

export async function runLoader(produce: () => string | Promise<string>): Promise<void> {
  try {
    process.stdout.write(await produce());
  } catch (error) {
    if (error instanceof InputError) {
      const errors = error.problems.filter((p) => p.severity === "error");
      for (const p of error.problems) process.stderr.write(formatProblem(p) + "\n");
      process.stderr.write(`The data has ${errors.length} error(s); nothing was published. Fix them and build again.\n`);
    } else {
      // Not a data mistake: a bug. Show it in full so it gets fixed.
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
