// Problems found in an input file. Every reader in the product (readings, certificates, deployment logs,
// limits) reports through this one shape so that the CLI, the data loaders and the pages say the same thing.

export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** The input file as the user named it (relative to the working directory where possible). */
  file: string;
  /** 1-based line in the file (CSV), when the problem has one. */
  line?: number;
  /** The CSV column name or the JSON path (`$.reference_points[2].distance`), when the problem has one. */
  column?: string;
  /** What is wrong and what would fix it, in one sentence a person can act on. */
  message: string;
  /**
   * What kind of problem this is, stable across data sets and wording changes (e.g. "rate-meter"): the RSO pages
   * group warnings by it. Optional; a problem without one is grouped by its message with the numbers taken out.
   */
  code?: string;
}

/** `FILE:LINE: column C: message`, the one line format of the CLI and of a failing build. */
export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  const column = p.column !== undefined ? ` column ${p.column}:` : "";
  const tag = p.severity === "warning" ? " warning:" : "";
  return `${where}:${tag}${column} ${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Thrown by loaders and commands when an input is refused; carries every problem, not only the first. */
export class InputError extends Error {
  override name = "InputError";
  constructor(readonly problems: Problem[]) {
    super(problems.filter((p) => p.severity === "error").map(formatProblem).join("\n"));
  }
}
