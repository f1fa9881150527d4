// Versions of a policy in one folder (data/policy/*.txt), ordered by the date in their file names:
// 2021-04-11-impact-and-use-policy.txt before 2026-03-01-impact-and-use-policy.txt. The date is the first
// YYYY-MM-DD, YYYY-MM or YYYY in the name (not in the text: a policy's own dates are free-form). One file needs no
// date; with several, each must have its own, so which version is the newest is never a guess.
import {basename} from "node:path/posix";
import type {Problem} from "../io/index.js";

export interface PolicyVersion {
  path: string;
  /** The date in the file name (YYYY-MM-DD, YYYY-MM or YYYY); null only for a single undated file. */
  version: string | null;
}

const DATE = /(?<!\d)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)/;

function versionOf(path: string): string | null {
  const m = DATE.exec(basename(path.replace(/\\/g, "/")));
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return null;
  // A day that month does not have (2021-02-30, 2021-04-00) rolls over into another month: not a date.
  if (d !== undefined && new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDate() !== Number(d)) return null;
  return [y, mo, d].filter((x) => x !== undefined).join("-");
}

/** Oldest first; problems name each file whose version cannot be told, and what to rename it to. */
export function orderPolicyVersions(paths: readonly string[]): {versions: PolicyVersion[]; problems: Problem[]} {
  const versions = paths.map((path) => ({path, version: versionOf(path)}));
  const problems: Problem[] = [];
  if (versions.length > 1) {
    for (const v of versions) {
      if (v.version === null) problems.push({severity: "error", file: v.path, message: `has no date in its name, and the folder holds ${versions.length} policy texts; name each version by its date, e.g. "2021-04-11-${basename(v.path)}", so the newest is known`});
    }
    const byVersion = new Map<string, string[]>();
    for (const v of versions) if (v.version) byVersion.set(v.version, [...(byVersion.get(v.version) ?? []), v.path]);
    for (const [version, [first, ...others]] of byVersion) {
      for (const other of others) problems.push({severity: "error", file: other, message: `has the same date (${version}) as ${first}; give each version its own date`});
    }
  }
  return {versions: versions.sort((a, b) => (a.version ?? "").localeCompare(b.version ?? "") || a.path.localeCompare(b.path)), problems};
}
