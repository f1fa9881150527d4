// npm run bench: every benchmark of the product, on this machine, written to docs/performance.md.
//   npm run bench                 # 10⁴ … 10⁷ readings, the CLI's start, simulation, fit, site builds and page weights
//   npm run bench -- --max 1e6    # stop at 10⁶ readings (faster)
//   npm run bench -- --skip-site  # without the two site builds
// Large files are generated under the system's temporary folder (10⁷ readings is about 1 GB), not in the repository.
import {spawnSync} from "node:child_process";
import {copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync} from "node:fs";
import {cpus, loadavg, tmpdir, totalmem, type as osType, release} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {gzipSync} from "node:zlib";
import {writeBenchReadings} from "./generate-readings.js";
import {openDb, sqlText} from "../lib/io/duckdb.js";
import {archiveGroupingSql} from "../lib/io/readings-sql.js";

const {values} = parseArgs({options: {max: {type: "string", default: "1e7"}, "skip-site": {type: "boolean", default: false}}});
const max = Number(values.max);
const WORK = join(tmpdir(), "xray-dose-bench");
mkdirSync(WORK, {recursive: true});
const lines: string[] = [];
const say = (s = "") => {
  console.log(s);
  lines.push(s);
};
// The readings are dated 2026–2027: the commands' clock is set after them (lib/io/clock.ts).
const ENV = {...process.env, SOURCE_DATE_EPOCH: String(Date.UTC(2030, 0, 1) / 1000)};
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

interface Run {
  wall_s: number;
  cpu_s: number | null;
  peak_mb: number | null;
  code: number;
  stdout: string;
  stderr: string;
}

/** A whole process, timed by GNU time when there is one (wall, user + system CPU, peak resident memory). */
function measure(command: string, args: string[], env = ENV, cwd?: string): Run {
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ["-f", "\n%e %U %S %M", command, ...args], {encoding: "utf8", env, cwd, maxBuffer: 1 << 28})
    : spawnSync(command, args, {encoding: "utf8", env, cwd, maxBuffer: 1 << 28});
  const wall = (performance.now() - t0) / 1000;
  let stderr = r.stderr ?? "";
  let cpu: number | null = null;
  let peak: number | null = null;
  if (TIME) {
    const last = stderr.trimEnd().split("\n").at(-1)!.split(" ").map(Number);
    stderr = stderr.trimEnd().split("\n").slice(0, -1).join("\n");
    if (last.length === 4 && last.every(Number.isFinite)) {
      cpu = last[1]! + last[2]!;
      peak = last[3]! / 1024;
    }
  }
  return {wall_s: wall, cpu_s: cpu, peak_mb: peak, code: r.status ?? 1, stdout: r.stdout ?? "", stderr};
}

/** The best of a few runs (a shared machine adds noise, never removes it). */
function best(n: number, command: string, args: string[], env = ENV, cwd?: string): Run {
  let out: Run | null = null;
  for (let i = 0; i < n; i++) {
    const r = measure(command, args, env, cwd);
    if (out === null || r.wall_s < out.wall_s) out = r;
  }
  return out!;
}

const cli = (args: string[]) => ["bin/xray-dose.js", ...args];
const s2 = (x: number) => `${x.toFixed(2)} s`;
const mb = (x: number | null) => (x === null ? "–" : `${x.toFixed(0)} MB`);
const cpu = (x: number | null) => (x === null ? "–" : `${x.toFixed(1)} s`);
const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");

/** Why the targets not met are not met (docs/scaling.md has the design). */
const WHERE_THE_TIME_GOES = [
  "Where the time goes. DuckDB's reference parses the file and averages two columns; `xray-dose fit` also checks every",
  "field of every row as strictly as the parser does (the parser's own number pattern on seven numbers, the ISO form",
  "and calendar of the instant, units, eight cross-field and warning conditions, spaces at the ends of ids), keeps",
  "about 100 bytes per reading for the later passes, and then makes four passes over those numbers (repeated ids,",
  "the far-off check's medians and candidates, the groups, the readings against the fit); it also hashes the file",
  "(SHA-256) and checks its UTF-8. Per reading that is 4–5 µs of CPU against DuckDB's 0.3–0.7 µs: the strict",
  "validation, not the fit (a few milliseconds from the groups), is the cost. A CPU profile of the 10⁶ file shows",
  "JavaScript idle about 80 % of the time, waiting on DuckDB; the validation query alone is about 60 % of the",
  "process, spread over its checks with no single hot spot (each number pattern, the instant's form and cast, the",
  "cross-field conditions: 0.2–0.8 s of CPU apiece, reading the CSV 0.4 s), and the later passes about 2 s (wall, at load 7).",
  "That cost grows with the readings while DuckDB's start does not, so the ratio is larger at 10⁷ than at 10⁶. On this machine, shared with",
  "other work during the run, wall times are well above half the CPU time that an idle 2-core machine would give.",
  "Through npx in this repository, npm 11 finds `xray-dose` in the repository's own package.json, installs the package",
  "into its npx cache and reads the whole dependency tree on every call before it starts the command (about 0.5 s of CPU",
  "here): nothing in the command can shorten that. Where `xray-dose` is installed (a project's node_modules/.bin, as",
  "when a programme's own repository lists this one as a dependency, or a global install) npx takes its short path and runs the file directly:",
  "the rows \"installed\" above. There `--help` starts within the target; the --reference scenario also builds",
  "mathjs's unit functions (about 0.1 s of typed-function set-up, the one part of mathjs the product loads) and misses",
  "it by that much."
];

spawnSync("npm", ["run", "--silent", "build:cli"], {stdio: "inherit"});

say("# Performance");
say();
say(`Measured by \`npm run bench\` (bench/run.ts). Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}; load average ${loadavg()[1]!.toFixed(1)} when the run began (other work shares the cores). Times are wall-clock of whole processes (best of 3 below 10⁷) with their CPU time (user + system, all threads) beside them: on a shared machine the CPU time is the steadier figure, and on an idle 2-core machine the wall time of a DuckDB-bound process is about half its CPU time.`);
say();
say("## Readings: validated, normalised and fitted by `xray-dose fit`");
say();
say("`node bin/xray-dose.js fit FILE --device ZBV-0417 --model inverse-square-air --json`: every row of the file validated as");
say("`xray-dose validate` does, converted to canonical units, checked across the file (repeated ids, readings far off");
say("their device's others), grouped and fitted, every reading checked against the fit. The reference is DuckDB reading");
say("the same file and computing a per-device aggregate (bench/duckdb-reference.mjs), also as a whole process. The");
say("readings are synthetic (bench/generate-readings.ts: two devices, 8 directions, distances 0.5–10 m to the cm).");
say();
say("| readings | file | xray-dose fit | CPU | peak memory | DuckDB reference | CPU | ratio (wall) | ratio (CPU) |");
say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
const sizes = [1e4, 1e5, 1e6, 1e7].filter((n) => n <= max);
const measured = new Map<number, {fit: Run; duck: Run}>();
for (const n of sizes) {
  const file = join(WORK, `readings-${n}.csv`);
  if (!existsSync(file)) await writeBenchReadings(file, n);
  const repeat = n >= 1e7 ? 1 : 3;
  const fit = best(repeat, "node", cli(["fit", file, "--device", "ZBV-0417", "--model", "inverse-square-air", "--json"]));
  if (fit.code !== 0) throw new Error(`xray-dose fit failed on ${n} readings:\n${fit.stderr.slice(0, 2000)}`);
  const duck = best(repeat, "node", ["bench/duckdb-reference.mjs", file]);
  measured.set(n, {fit, duck});
  say(`| ${n.toExponential(0)} | ${(statSync(file).size / 2 ** 20).toFixed(0)} MB | ${s2(fit.wall_s)} | ${cpu(fit.cpu_s)} | ${mb(fit.peak_mb)} | ${s2(duck.wall_s)} | ${cpu(duck.cpu_s)} | ${(fit.wall_s / duck.wall_s).toFixed(1)}× | ${fit.cpu_s && duck.cpu_s ? `${(fit.cpu_s / duck.cpu_s).toFixed(1)}×` : "–"} |`);
}

// 10⁷ from Parquet too, and the fit against the per-reading fit of the streaming parser (bench/ingest-fit.ts).
let tenMillion: {parquet: Run; equal: string; ok: boolean} | null = null;
if (max >= 1e7) {
  const csv = join(WORK, "readings-10000000.csv");
  const parquet = join(WORK, "readings-10000000.parquet");
  if (!existsSync(parquet)) {
    const db = await openDb();
    await db.run(`COPY (SELECT * FROM read_csv(${sqlText(csv)}, all_varchar = true)) TO ${sqlText(parquet)} (FORMAT parquet)`);
    db.close();
  }
  const parquetRun = measure("node", cli(["fit", parquet, "--device", "ZBV-0417", "--model", "inverse-square-air", "--json"]));
  const fromCsv = JSON.parse(measured.get(1e7)!.fit.stdout) as {parameters: {S: {value: number; stderr: number}}; n: number};
  const fromParquet = JSON.parse(parquetRun.stdout) as typeof fromCsv;
  const perReading = JSON.parse(spawnSync("npx", ["tsx", "bench/ingest-fit.ts", csv], {encoding: "utf8", env: ENV, maxBuffer: 1 << 26}).stdout.trim().split("\n").at(-1)!) as {fits: {device_id: string; S: number; stderr: number; n: number}[]};
  const own = perReading.fits.find((f) => f.device_id === "ZBV-0417")!;
  const rel = Math.abs(fromCsv.parameters.S.value / own.S - 1);
  const relErr = Math.abs(fromCsv.parameters.S.stderr / own.stderr - 1);
  // The groups are summed in file order (lib/io/scan-readings.ts groups), so CSV and Parquet give the same bits.
  const relParquet = Math.abs(fromParquet.parameters.S.value / fromCsv.parameters.S.value - 1);
  const ok = rel < 1e-9 && relErr < 1e-9 && fromCsv.n === own.n && fromParquet.parameters.S.value === fromCsv.parameters.S.value && fromParquet.n === fromCsv.n;
  tenMillion = {parquet: parquetRun, ok, equal: `S = ${fromCsv.parameters.S.value} ± ${fromCsv.parameters.S.stderr} µSv·m²/h from ${fromCsv.n} readings; the streaming parser's per-reading fit: S = ${own.S} ± ${own.stderr} from ${own.n} (relative difference ${rel.toExponential(1)} and ${relErr.toExponential(1)}); from Parquet: ${fromParquet.parameters.S.value} from ${fromParquet.n} (relative difference ${relParquet.toExponential(1)})`};
  say(`| 1e+7 (Parquet) | ${(statSync(parquet).size / 2 ** 20).toFixed(0)} MB | ${s2(parquetRun.wall_s)} | ${cpu(parquetRun.cpu_s)} | ${mb(parquetRun.peak_mb)} | | | | |`);
}
say();

// Three bad rows in 10⁶: exactly those lines, and the time it takes.
let badRows: {run: Run; lines: number[]; expected: number[]} | null = null;
if (max >= 1e6) {
  const source = join(WORK, "readings-1000000.csv");
  const bad = join(WORK, "readings-1000000-three-bad.csv");
  const text = readFileSync(source, "utf8").split("\n");
  const expected = [123_457, 500_001, 987_654];
  text[expected[0]! - 1] = text[expected[0]! - 1]!.replace(",m,", ",furlong,");
  text[expected[1]! - 1] = text[expected[1]! - 1]!.replace(/,20(\d\d)-/, ",2099-");
  // The dose with its unit typed into the number's column (column 9: bench/generate-readings.ts).
  const third = text[expected[2]! - 1]!.split(",");
  third[8] = `${third[8]} ${third[9]}`;
  text[expected[2]! - 1] = third.join(",");
  writeFileSync(bad, text.join("\n"));
  const run = best(3, "node", cli(["validate", bad]));
  const reported = [...run.stderr.matchAll(/three-bad\.csv:(\d+): column/g)].map((m) => Number(m[1]));
  badRows = {run, lines: [...new Set(reported)], expected};
  say(`Three bad rows in the 10⁶-reading file (lines ${expected.join(", ")}: a unit that is not one, a date in the future, a dose with its unit in the number's column), \`xray-dose validate\`: exit ${run.code}, ${s2(run.wall_s)} (CPU ${cpu(run.cpu_s)}), errors reported on lines ${badRows.lines.join(", ")}.`);
  say();
}

say("### The command line's start");
say();
const help = best(5, "node", cli(["--help"]));
const scenarioArgs = ["scenario", "--reference", "0.016 mrem in 10 s at 5 ft", "--distance", "10 ft", "--duration", "1 h"];
const scenario = best(5, "node", cli(scenarioArgs));
const npxHelp = best(5, "npx", ["xray-dose", "--help"]);
const npxScenario = best(5, "npx", ["xray-dose", ...scenarioArgs]);
const npxAlone = best(5, "npx", ["node", "-e", "0"]);
// A project that has xray-dose installed: its node_modules/.bin holds the command (here a link to this repository's).
const installed = join(WORK, "installed");
mkdirSync(join(installed, "node_modules", ".bin"), {recursive: true});
writeFileSync(join(installed, "package.json"), JSON.stringify({name: "uses-xray-dose", version: "1.0.0", private: true}));
rmSync(join(installed, "node_modules", ".bin", "xray-dose"), {force: true});
symlinkSync(join(process.cwd(), "bin", "xray-dose.js"), join(installed, "node_modules", ".bin", "xray-dose"));
const installedHelp = best(5, "npx", ["xray-dose", "--help"], ENV, installed);
const installedScenario = best(5, "npx", ["xray-dose", ...scenarioArgs], ENV, installed);
const bare = best(5, "node", ["-e", "0"]);
say("| command | wall | CPU |");
say("|---|---:|---:|");
for (const [label, r] of [["`node -e 0` (Node alone)", bare], ["`npx node -e 0` (npx alone)", npxAlone], ["`xray-dose --help`", help], ["`xray-dose scenario --reference …`", scenario],
  ["`npx xray-dose --help` (in this repository)", npxHelp], ["`npx xray-dose scenario --reference …` (in this repository)", npxScenario],
  ["`npx xray-dose --help` (installed)", installedHelp], ["`npx xray-dose scenario --reference …` (installed)", installedScenario]] as const) {
  say(`| ${label} | ${s2(r.wall_s)} | ${cpu(r.cpu_s)} |`);
}
say();

say("### Against the targets");
say();
const million = measured.get(1e6);
if (million) {
  const ratio = million.fit.wall_s / million.duck.wall_s;
  say(`- 10⁶ readings validated, normalised and fitted in at most 3× DuckDB's whole-process aggregate: ${ratio.toFixed(1)}× (CPU ${million.fit.cpu_s && million.duck.cpu_s ? (million.fit.cpu_s / million.duck.cpu_s).toFixed(1) : "–"}×) — ${verdict(ratio <= 3)}.`);
}
const ten = measured.get(1e7);
if (ten && tenMillion) {
  say(`- 10⁷ readings (${(statSync(join(WORK, "readings-10000000.csv")).size / 2 ** 30).toFixed(2)} GB of CSV) in under 60 s: ${s2(ten.fit.wall_s)} from CSV, ${s2(tenMillion.parquet.wall_s)} from Parquet — ${verdict(ten.fit.wall_s < 60 && tenMillion.parquet.wall_s < 60)}.`);
  say(`- 10⁷ readings with peak memory under 2 GB: ${mb(ten.fit.peak_mb)} (CSV), ${mb(tenMillion.parquet.peak_mb)} (Parquet) — ${verdict((ten.fit.peak_mb ?? Infinity) < 2048 && (tenMillion.parquet.peak_mb ?? Infinity) < 2048)}; no stack trace (exit ${ten.fit.code}).`);
  say(`- 10⁷ readings: the fitted parameters equal the per-reading fit — ${verdict(tenMillion.ok)}: ${tenMillion.equal}.`);
}
if (badRows && million) {
  const exact = JSON.stringify(badRows.lines) === JSON.stringify(badRows.expected);
  say(`- A 10⁶-reading file with three bad rows: exactly those lines reported (${badRows.lines.join(", ")}) — ${verdict(exact)}; in ${s2(badRows.run.wall_s)}, ${(badRows.run.wall_s / million.duck.wall_s).toFixed(1)}× DuckDB's aggregate (the same budget as the fit) — ${verdict(badRows.run.wall_s <= 3 * million.duck.wall_s)}.`);
}
say(`- Cold start through npx in at most 0.5 s, where xray-dose is installed: \`npx xray-dose --help\` ${s2(installedHelp.wall_s)}, the --reference scenario ${s2(installedScenario.wall_s)} — ${verdict(installedHelp.wall_s <= 0.5 && installedScenario.wall_s <= 0.5)}. In this repository ${s2(npxHelp.wall_s)} and ${s2(npxScenario.wall_s)} (npm's own install step, below); without npx ${s2(help.wall_s)} and ${s2(scenario.wall_s)}, npx alone ${s2(npxAlone.wall_s)}.`);
say();
for (const line of WHERE_THE_TIME_GOES) say(line);
say();

// The grouping query past one machine: per core, over an archive.
if (max >= 1e6) {
  const n = max >= 1e7 ? 1e7 : 1e6;
  const archive = join(WORK, `archive-${n}`);
  rmSync(archive, {recursive: true, force: true});
  const pack = measure("node", cli(["pack", join(WORK, `readings-${n}.csv`), archive]));
  const db = await openDb();
  await db.run("SET threads = 1");
  await db.run(`CREATE VIEW readings AS SELECT * FROM read_parquet(${sqlText(join(archive, "**", "*.parquet"))}, hive_partitioning = false)`);
  const t0 = performance.now();
  const groups = await db.all(archiveGroupingSql("readings"));
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  say("## Past one machine: the grouping query per core");
  say();
  say(`\`xray-dose pack\` wrote the ${n.toExponential(0)} readings as an archive in ${s2(pack.wall_s)} (CPU ${cpu(pack.cpu_s)}, peak ${mb(pack.peak_mb)}). The grouping query of`);
  say(`docs/scaling.md over that archive, DuckDB on one thread: ${s2(seconds)}, ${(n / seconds / 1e6).toFixed(1)} million readings per core-second, ${groups.length} groups.`);
  say(`A distributed engine reading Parquet runs the same per-row work; at this rate 10⁹ readings a year are ${(1e9 / (n / seconds) / 60).toFixed(0)} core-minutes.`);
  say();
}

say("## Fitting alone (bench/fit.bench.ts)");
say();
say("```");
for (const l of spawnSync("npx", ["tsx", "bench/fit.bench.ts"], {encoding: "utf8", maxBuffer: 1 << 26}).stdout.trim().split("\n")) say(l);
say("```");
say();
say("## Monte Carlo and the checkpoint simulation (bench/simulation.bench.ts)");
say();
say("```");
for (const l of spawnSync("npx", ["tsx", "bench/simulation.bench.ts"], {encoding: "utf8", maxBuffer: 1 << 26}).stdout.trim().split("\n")) say(l);
say("```");
say();
say("## The policy claims check (bench/policy.bench.ts)");
say();
say("```");
for (const l of spawnSync("npx", ["tsx", "bench/policy.bench.ts"], {encoding: "utf8", maxBuffer: 1 << 26}).stdout.trim().split("\n")) say(l);
say("```");

/** Gzipped JS and CSS each page loads, and the JSON data it fetches (FileAttachment(…).json()). */
function pageWeights(dist: string): {page: string; code: number; data: number}[] {
  const pages = readdirSync(dist, {recursive: true, encoding: "utf8"}).filter((p) => p.endsWith(".html")).sort();
  return pages.map((page) => {
    const html = readFileSync(join(dist, page), "utf8");
    const gz = (asset: string) => {
      const path = join(dist, asset.startsWith("/") ? asset : join(page, "..", asset));
      return existsSync(path) ? gzipSync(readFileSync(path)).length : 0;
    };
    const code = [...new Set([...html.matchAll(/(?:href|src)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!))].reduce((s, a) => s + gz(a), 0);
    const loaded = new Set([...html.matchAll(/FileAttachment\("([^"]+\.json)"\)\.json\(\)/g)].map((m) => m[1]!));
    const files = new Map([...html.matchAll(/registerFile\("([^"]+)", \{[^}]*"path":"([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    const data = [...loaded].reduce((s, name) => s + (files.has(name) ? gz(files.get(name)!) : 0), 0);
    return {page, code, data};
  });
}

if (!values["skip-site"]) {
  say();
  say("## Site build and page weight");
  say();
  const builds: [string, string | null][] = [["a data folder holding 10⁶ readings (the sample's certificates, deployments and limits; one monitor file)", max >= 1e6 ? join(WORK, "data-1e6") : null], ["the sample data", null]];
  const weights: {label: string; seconds: number; pages: ReturnType<typeof pageWeights>}[] = [];
  for (const [label, dir] of builds) {
    if (dir === null && label !== "the sample data") continue;
    if (dir !== null) {
      rmSync(dir, {recursive: true, force: true});
      cpSync("data", dir, {recursive: true});
      rmSync(join(dir, "readings"), {recursive: true, force: true});
      // The sample's reviews name the sample's readings, which this folder does not hold.
      rmSync(join(dir, "reviews.csv"), {force: true});
      mkdirSync(join(dir, "readings"));
      copyFileSync(join(WORK, "readings-1000000.csv"), join(dir, "readings", "monitor.csv"));
    }
    const build = measure("npm", ["run", "--silent", "build"], {...ENV, ...(dir ? {XRAY_DATA_DIR: dir} : {})});
    if (build.code !== 0) throw new Error(`the site build from ${label} failed:\n${build.stderr.slice(-3000)}`);
    weights.push({label, seconds: build.wall_s, pages: pageWeights("dist")});
    say(`\`npm run build\` from ${label}: ${s2(build.wall_s)} (CPU ${cpu(build.cpu_s)}, peak ${mb(build.peak_mb)} in one process).`);
  }
  say();
  say("Per page, gzip-compressed: the JavaScript and CSS it loads (the browser test enforces 300 KB), and the JSON data it");
  say("fetches. Downloads (CSV, Parquet) are links, not loaded.");
  say();
  say(`| page | JS + CSS | ${weights.map((w) => (w.label === "the sample data" ? "data (sample)" : "data (10⁶ readings)")).join(" | ")} |`);
  say(`|---|---:|${weights.map(() => "---:").join("|")}|`);
  const sample = weights.find((w) => w.label === "the sample data")!;
  for (const p of sample.pages) {
    say(`| ${p.page} | ${(p.code / 1024).toFixed(0)} KB | ${weights.map((w) => `${((w.pages.find((x) => x.page === p.page)?.data ?? 0) / 1024).toFixed(0)} KB`).join(" | ")} |`);
  }
}
writeFileSync("docs/performance.md", lines.join("\n") + "\n");
console.log("\nwritten to docs/performance.md");
