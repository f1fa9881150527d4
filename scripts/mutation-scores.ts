// Mutation scores per folder and per file from Stryker's JSON report (npm run mutation writes it), as a Markdown
// table for docs/testing.md, and the surviving mutants with their place and replacement.
//
//   npx tsx scripts/mutation-scores.ts [reports/mutation/mutation.json ...] [--survivors]
//
// Several reports (one per folder's run, MUTATION_REPORT in stryker.config.mjs) make one table:
//   npx tsx scripts/mutation-scores.ts reports/mutation/*/mutation.json
// A file in more than one report is taken from the last one named.
//
// Score = detected ÷ valid, as Stryker computes it: detected = killed + timed out; valid = detected + survived +
// no coverage (compile and runtime errors and ignored mutants are not counted).
import {readFileSync} from "node:fs";
import {dirname} from "node:path";

export interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: {start: {line: number; column: number}};
}
export interface Report {
  files: Record<string, {mutants: Mutant[]}>;
}

export interface Counts {killed: number; timeout: number; survived: number; noCoverage: number; errors: number}

export function count(mutants: readonly Mutant[]): Counts {
  const c: Counts = {killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0};
  for (const m of mutants) {
    if (m.status === "Killed") c.killed++;
    else if (m.status === "Timeout") c.timeout++;
    else if (m.status === "Survived") c.survived++;
    else if (m.status === "NoCoverage") c.noCoverage++;
    else if (m.status === "CompileError" || m.status === "RuntimeError") c.errors++;
  }
  return c;
}

export function score(c: Counts): number | null {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? null : (100 * (c.killed + c.timeout)) / valid;
}

/** The files of several reports as one; a file in more than one is taken from the last. */
export function mergeReports(reports: readonly Report[]): Report {
  return {files: Object.assign({}, ...reports.map((r) => r.files)) as Report["files"]};
}

function row(name: string, c: Counts): string {
  const s = score(c);
  return `| ${name} | ${s === null ? "–" : s.toFixed(1)} % | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} |`;
}

function main(args: string[]): void {
  const paths = args.filter((a) => !a.startsWith("--"));
  const report = mergeReports((paths.length > 0 ? paths : ["reports/mutation/mutation.json"]).map((p) => JSON.parse(readFileSync(p, "utf8")) as Report));
  const files = Object.keys(report.files).sort();
  const folders = [...new Set(files.map((f) => dirname(f)))].sort();
  console.log("| folder or file | score | killed | timed out | survived | no coverage |");
  console.log("|---|---|---|---|---|---|");
  for (const folder of folders) {
    const inFolder = files.filter((f) => dirname(f) === folder);
    console.log(row(`**${folder}/**`, count(inFolder.flatMap((f) => report.files[f]!.mutants))));
    for (const f of inFolder) console.log(row(f, count(report.files[f]!.mutants)));
  }
  console.log(row("**all**", count(files.flatMap((f) => report.files[f]!.mutants))));
  if (args.includes("--survivors")) {
    console.log("\nSurvived or not covered:");
    for (const f of files) {
      for (const m of report.files[f]!.mutants) {
        if (m.status !== "Survived" && m.status !== "NoCoverage") continue;
        console.log(`${f}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? "").slice(0, 100)}`);
      }
    }
  }
}

if (process.argv[1]?.endsWith("mutation-scores.ts")) main(process.argv.slice(2));
