// `npm run build` (public site → dist/) and `npm run build:internal` (→ dist-internal/): a reproducible, offline build
// that publishes nothing unless everything passes.
//
//   1. The day: SOURCE_DATE_EPOCH when set, otherwise set here once, so every data loader judges certificates and
//      calibrations on the same day (and two builds with the same value give the same bytes).
//   2. The data folder (XRAY_DATA_DIR, else data/) is validated first, exactly as `xray-dose validate DIR` does; on an
//      error the problems are the last lines, then "nothing was published", and nothing has been deleted.
//   3. Framework's loader cache is cleared and its npm versions pinned (cache.ts): no network, no "latest"; the
//      pages' Plot module is bundled (plot-bundle.ts).
//   4. Framework builds into DIST.partial; the post-build checks run there; only then does it replace DIST (dist/ or
//      dist-internal/, or XRAY_DIST_DIR). A failure at any step leaves the previous DIST untouched.
//
// Framework's own "If you think this is a bug, please file an issue" tip is left out of the output: a failed build
// here says what failed and that nothing was published.
import {spawn} from "node:child_process";
import {createInterface} from "node:readline";
import {existsSync} from "node:fs";
import {rename, rm} from "node:fs/promises";
import {ClockError, clockFromEnv, isoDay} from "../../lib/io/clock.js";
import {formatProblem} from "../../lib/io/problems.js";
import {readDataset} from "../../lib/io/load-dataset.js";
import {defaultDataDir} from "../../cli/commands/validate.js";
import {prepareCache} from "./cache.js";
import {bundlePlot} from "./plot-bundle.js";
import {postBuild} from "./post-build.js";

const TARGETS = {
  public: {dist: "dist", args: [] as string[], nodeOptions: null as string | null},
  internal: {dist: "dist-internal", args: ["--config", "observablehq.internal.config.ts"], nodeOptions: "--import=tsx"}
};

/** Framework's closing advice on an unexpected error, which here would point at the wrong culprit. */
const FRAMEWORK_TIP = [/^Tip: To see the full stack trace/, /^If you think this is a bug, please file an issue/, /^↳ https:\/\/github\.com\/observablehq\/framework\/issues/];

function pipeLines(stream: NodeJS.ReadableStream, write: (line: string) => void): Promise<void> {
  return new Promise((done) => {
    const lines = createInterface({input: stream, crlfDelay: Infinity});
    lines.on("line", (line) => {
      if (!FRAMEWORK_TIP.some((tip) => tip.test(line))) write(line);
    });
    lines.on("close", done);
  });
}

function observableBuild(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ["node_modules/@observablehq/framework/dist/bin/observable.js", "build", ...args], {env, stdio: ["ignore", "pipe", "pipe"]});
  const out = pipeLines(child.stdout!, (line) => process.stdout.write(line + "\n"));
  const err = pipeLines(child.stderr!, (line) => process.stderr.write(line + "\n"));
  return new Promise((resolve) => child.on("close", async (code) => {
    await Promise.all([out, err]);
    resolve(code ?? 1);
  }));
}

async function main(audience: "public" | "internal"): Promise<number> {
  const {args, nodeOptions} = TARGETS[audience];
  // XRAY_DIST_DIR builds elsewhere (tests build other data folders beside the main site).
  const dist = process.env.XRAY_DIST_DIR?.trim() || TARGETS[audience].dist;
  const refuse = (why: string) => {
    process.stderr.write(`${why}\nNothing was published: ${dist}/ is unchanged.\n`);
    return 1;
  };

  if (!process.env.SOURCE_DATE_EPOCH?.trim()) process.env.SOURCE_DATE_EPOCH = String(Math.floor(Date.now() / 1000));
  let now: Date;
  try {
    now = clockFromEnv();
  } catch (error) {
    if (error instanceof ClockError) return refuse(error.message);
    throw error;
  }

  const dataDir = defaultDataDir();
  process.stdout.write(`Building the ${audience} site from ${dataDir}/ (certificates and calibrations as of ${isoDay(now)}).\n`);
  const {dataset, problems} = await readDataset(dataDir, {now});
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.length - errors.length;
  if (warnings > 0) process.stdout.write(`${warnings.toLocaleString("en-US")} warning${warnings === 1 ? "" : "s"} in the data (the site lists them; \`xray-dose validate ${dataDir}\` prints them).\n`);
  if (!dataset) {
    for (const p of errors) process.stderr.write(formatProblem(p) + "\n");
    return refuse(`The data in ${dataDir}/ has ${errors.length} error${errors.length === 1 ? "" : "s"} (above): fix ${errors.length === 1 ? "it" : "them"} and build again.`);
  }

  await prepareCache();
  await bundlePlot();
  const partial = `${dist}.partial`;
  await rm(partial, {recursive: true, force: true});
  const env = {
    ...process.env, XRAY_AUDIENCE: audience, XRAY_DATA_DIR: dataDir, XRAY_BUILD_OUTPUT: partial, OBSERVABLE_TELEMETRY_DISABLE: "1",
    ...(nodeOptions ? {NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(" ")} : {})
  };
  if ((await observableBuild(args, env)) !== 0) {
    await rm(partial, {recursive: true, force: true});
    return refuse("The site build failed (above).");
  }
  const faults = await postBuild(partial);
  if (faults.length > 0) {
    await rm(partial, {recursive: true, force: true});
    return refuse(`The built site is not fit to publish:\n${faults.map((f) => `  ${f}`).join("\n")}`);
  }

  const previous = `${dist}.previous`;
  await rm(previous, {recursive: true, force: true});
  if (existsSync(dist)) await rename(dist, previous);
  await rename(partial, dist);
  await rm(previous, {recursive: true, force: true});
  process.stdout.write(`Published ${dist}/: lang and CSP set, no page errors, nothing loaded from other hosts.\n`);
  return 0;
}

const audience = process.argv[2] ?? "public";
if (audience !== "public" && audience !== "internal") {
  process.stderr.write(`usage: tsx scripts/site/build.ts [public|internal], not "${audience}"\n`);
  process.exitCode = 2;
} else {
  process.exitCode = await main(audience);
}
