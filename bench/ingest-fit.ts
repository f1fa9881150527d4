// The per-reading reference of the benchmark, in its own process: the streaming parser (lib/io/stream-readings.ts)
// validates every row and packs every reading per device, and the inverse-square-air model is fitted to every reading
// (fitPacked, no grouping). Prints one JSON line with each device's S and its standard error.
import {streamReadingsFile} from "../lib/io/stream-readings.js";
import {airContext, fitPacked} from "../lib/models/index.js";
import {clockFromEnv} from "../lib/io/clock.js";

const file = process.argv[2]!;
const t0 = performance.now();
const streamed = await streamReadingsFile(file, {now: clockFromEnv(), maxProblems: 100});
const t1 = performance.now();
const ctx = airContext(60);
const fits = [...streamed.devices].map(([device_id, {packed}]) => ({device_id, fit: fitPacked(packed, "inverse-square-air", ctx)}));
const t2 = performance.now();
const errors = streamed.problems.filter((p) => p.severity === "error");
if (errors.length > 0) throw new Error(`benchmark data has errors: ${errors[0]!.message}`);
console.log(JSON.stringify({
  rows: streamed.rows, ingest_ms: t1 - t0, fit_ms: t2 - t1, peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  fits: fits.map((f) => ({device_id: f.device_id, S: f.fit.parameters.S!.value, stderr: f.fit.parameters.S!.stderr, n: f.fit.n}))
}));
