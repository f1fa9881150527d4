// Which code processed the data, for provenance: the package version and the git commit, marked "-modified" when the
// working tree differs from that commit in anything that shapes the output. No timestamps: building twice from the
// same inputs and code must give byte-identical files.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";

export interface CodeVersion {
  package_version: string;
  /** Git commit, with "-modified" when lib/, src/, cli/, scripts/ or package files differ from it; null outside git. */
  commit: string | null;
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, {encoding: "utf8", stdio: ["ignore", "pipe", "ignore"]}).trim();
  } catch {
    return null;
  }
}

export function codeVersion(root = "."): CodeVersion {
  const {version} = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as {version: string};
  const head = git(["-C", root, "rev-parse", "HEAD"]);
  if (head === null) return {package_version: version, commit: null};
  const changed = git(["-C", root, "status", "--porcelain", "--", "lib", "src", "cli", "scripts", "package.json", "package-lock.json"]);
  return {package_version: version, commit: changed ? `${head}-modified` : head};
}
