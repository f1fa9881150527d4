// Nothing outside the repository: no test, script, page or library file reads a path outside the project, so a
// fresh clone (CI's, a new developer's) runs exactly what this one runs. test/sources.test.ts looks for the known
// outside references by name; this test resolves every path-like string instead.
//
// - A string starting with "../" is relative to its file (an import, or new URL(…, import.meta.url)): it must
//   resolve inside the repository. A path relative to the working directory never needs "../", which starts at the
//   repository's root.
// - A string naming an absolute path must be one of the system programs listed here, each with its reason.
// - No file reads the user's home directory.
import {spawnSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {dirname, relative, resolve, sep} from "node:path";
import {describe, expect, it} from "vitest";

const ROOT = resolve(".");
/** Absolute paths a file may name: programs of the machine, never data. */
const SYSTEM_PATHS: Record<string, string> = {
  "/usr/bin/chromium": "Debian's Chromium for the browser tests and the briefing PDF (never a downloaded browser)",
  "/usr/bin/env": "the interpreter line of a script",
  "/dev/zero": "a device the input opener must refuse before reading a byte (test/io/open-input.test.ts)",
  "/dev/urandom": "the same, for a device that never ends",
  "/usr/bin/time": "GNU time for the benchmarks' peak memory of whole processes (bench/run.ts; left out where it is missing)"
};

// The repository's files, committed or not yet (but not those .gitignore leaves out: builds, node_modules).
const tracked = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {encoding: "utf8"}).stdout.split("\0").filter(Boolean);
const CODE = tracked.filter((f) => /\.(ts|js|mjs|cjs|md)$/.test(f) || f === "package.json" || f.startsWith(".ci/"))
  .filter((f) => !f.startsWith("test/fixtures/"));

/** The literal text of every quoted string in a file, up to its first template substitution. */
function strings(text: string): string[] {
  return [...text.matchAll(/"([^"\n]*)"|'([^'\n]*)'|`([^`$]*)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "").filter((s) => s !== "");
}

function outside(path: string): boolean {
  const rel = relative(ROOT, path);
  return rel === ".." || rel.startsWith(`..${sep}`) || resolve(ROOT, rel) !== path;
}

describe("nothing outside the repository", () => {
  it("finds the repository's files to check", () => {
    expect(CODE.length).toBeGreaterThan(100);
    expect(CODE).toContain("test/outside-repository.test.ts");
  });

  it("has no relative path that leaves the repository", () => {
    const found: string[] = [];
    for (const file of CODE) {
      for (const s of strings(readFileSync(file, "utf8"))) {
        if (s.startsWith("../") && outside(resolve(dirname(resolve(ROOT, file)), s))) found.push(`${file}: "${s}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it("names no absolute path but the system programs it lists", () => {
    const absolute = /^\/(?:usr|home|root|tmp|work|etc|var|opt|mnt|srv|media|proc|sys|dev|bin|lib|snap)(?:\/|$)/;
    const found: string[] = [];
    for (const file of CODE) {
      const text = readFileSync(file, "utf8");
      const paths = [...strings(text), ...[...text.matchAll(/(?:^|[\s(=])(\/(?:usr|home|root|work|etc|opt|mnt|srv|media)\/[\w./-]*)/gm)].map((m) => m[1]!)];
      for (const s of paths) if (absolute.test(s) && !(s in SYSTEM_PATHS)) found.push(`${file}: "${s}"`);
    }
    expect(found).toEqual([]);
  });

  it("never reads the user's home directory", () => {
    const pattern = new RegExp(["homedir" + "\\(", "process\\.env\\." + "HOME\\b", "~" + "/\\."].join("|"));
    expect(CODE.filter((f) => pattern.test(readFileSync(f, "utf8")))).toEqual([]);
  });

  it("catches what it looks for", () => {
    expect(outside(resolve(ROOT, "test/compliance", "../../../elsewhere/policy.txt"))).toBe(true);
    expect(outside(resolve(ROOT, "test/compliance", "../../data/policy/x.txt"))).toBe(false);
    expect(strings(`new URL("../../x", import.meta.url); readFile('../y'); \`../z/\${a}\``)).toEqual(["../../x", "../y", "../z/"]);
  });
});
