// One ingest-and-fit run, in its own process so its peak memory can be measured: stream the file, validate every
// row, normalise units, pack per device, fit the inverse-square-air model per device. Prints one JSON line.
import {streamReadingsFile} from "../lib/io/stream-readings.js";
import {airContext, fitPacked} from "../lib/models/index.js";

const file = process.argv[2]!;
const t0 = performance.now();
const streamed = await streamReadingsFile(file, {now: new Date("2030-01-01T00:00:00Z"), maxProblems: 100});
const t1 = performance.now();
const ctx = airContext(60);
const fits = [...streamed.devices].map(([device_id, {packed}]) => ({device_id, fit: fitPacked(packed, "inverse-square-air", ctx)}));
const t2 = performance.now();
const errors = streamed.problems.filter((p) => p.severity === "error");
if (errors.length > 0) throw new Error(`benchmark data has errors: ${errors[0]!.message}`);
console.log(JSON.stringify({
  rows: streamed.rows,
  ingest_ms: t1 - t0,
  fit_ms: t2 - t1,
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  S: fits.map((f) => `${f.device_id} ${f.fit.parameters.S!.value.toPrecision(4)} ± ${f.fit.parameters.S!.stderr?.toPrecision(2)}`)
}));
