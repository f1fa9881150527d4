// `npm run build` is offline, reproducible and legible (issue 14):
//   - with the network cut (a network namespace of its own: `unshare -rn`), it builds;
//   - two builds of the same inputs with the same SOURCE_DATE_EPOCH are byte-identical, file by file;
//   - a data error stops it before anything is deleted: the problems are its last lines, then "nothing was published",
//     never Framework's "please file an issue", and the previous site stays as it was.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {afterAll, describe, expect, it} from "vitest";

const OUT = "dist-e2e";
const EPOCH = String(Date.UTC(2026, 10, 30, 12) / 1000);

/** Every file under `dir` with the SHA-256 of its bytes, in path order. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return files;
}

/** A command with no network at all: its own empty network namespace (works for root and, with -r, for a user). */
const offline = (command: string[]) => ["unshare", "-rn", ...command];

function build(dist: string, options: {offline?: boolean; env?: Record<string, string>} = {}) {
  const command = ["npm", "run", "--silent", "build"];
  const [bin, ...args] = options.offline ? offline(command) : command;
  return spawnSync(bin!, args, {encoding: "utf8", env: {...process.env, SOURCE_DATE_EPOCH: EPOCH, XRAY_DIST_DIR: dist, ...options.env}});
}

afterAll(() => {
  for (const d of ["repro-a", "repro-b", "kept"]) rmSync(join(OUT, d), {recursive: true, force: true});
});

describe("the site build", () => {
  it("has no network here, once cut (the check the offline build relies on)", () => {
    const [bin, ...args] = offline([process.execPath, "-e", "fetch('https://registry.npmjs.org/').then(() => process.exit(0), () => process.exit(3))"]);
    expect(spawnSync(bin!, args).status).toBe(3);
  });

  it("builds offline, and twice with the same SOURCE_DATE_EPOCH gives byte-identical sites", () => {
    const a = build(join(OUT, "repro-a"), {offline: true});
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout + a.stderr).not.toMatch(/npm:[\w@/.-]+@latest|fetch failed/);
    const b = build(join(OUT, "repro-b"), {offline: true});
    expect(b.status, b.stderr).toBe(0);
    const [ta, tb] = [tree(join(OUT, "repro-a")), tree(join(OUT, "repro-b"))];
    expect(ta.size).toBeGreaterThan(50);
    expect([...tb.keys()]).toEqual([...ta.keys()]);
    expect([...ta].filter(([file, hash]) => tb.get(file) !== hash).map(([file]) => file)).toEqual([]);
  });

  it("stops on a data error before anything is built or deleted, with the problems as its last lines", () => {
    const data = mkdtempSync(join(tmpdir(), "broken-data-"));
    const kept = join(OUT, "kept");
    try {
      cpSync("data", data, {recursive: true});
      const file = join(data, "readings", "ZBV-0417-2026.csv");
      writeFileSync(file, readFileSync(file, "utf8").replace(/\n([^\n]*?),(µSv|uSv|mrem|urem|µR|uR),/, "\n$1,mSV,"));
      cpSync("test/fixtures/readings/valid", join(kept, "marker"), {recursive: true});
      const before = tree(kept);
      const run = build(kept, {env: {XRAY_DATA_DIR: data}});
      expect(run.status).toBe(1);
      const lines = run.stderr.trimEnd().split("\n");
      expect(lines.at(-3)).toMatch(new RegExp(`^${data}/readings/ZBV-0417-2026\\.csv:2: column dose_unit: "mSV" is not a unit this product knows: did you mean "mSv"\\?`));
      expect(lines.at(-2)).toBe(`The data in ${data}/ has 1 error (above): fix it and build again.`);
      expect(lines.at(-1)).toBe(`Nothing was published: ${kept}/ is unchanged.`);
      expect(run.stdout + run.stderr).not.toMatch(/please file an issue|\n\s+at /);
      expect(tree(kept)).toEqual(before);
    } finally {
      rmSync(data, {recursive: true, force: true});
    }
  });
});
