// Large readings files for the benchmarks, from the sample-data generator's physical model (lib/sample/model.ts:
// the policy-consistent source strength, angle factors and air attenuation) with seeded counting noise. Written in
// the documented readings format so the ingest benchmark exercises the real parser.
import {createWriteStream} from "node:fs";
import {randomLcg, randomNormal, randomUniform} from "d3-random";
import {ANGLES, BACKGROUND_uSv_per_h, DEVICES, rate_uSv_per_h} from "../lib/sample/model.js";

export async function writeBenchReadings(path: string, n: number, seed = 1): Promise<void> {
  const source = randomLcg(seed);
  const uniform = randomUniform.source(source)(0, 1);
  const normal = randomNormal.source(source)(0, 1);
  const out = createWriteStream(path);
  const header = "reading_id,device_id,measured_at,distance,distance_unit,angle_deg,duration,duration_unit,dose,dose_unit,uncertainty,background,mdl,instrument_type\n";
  out.write(header);
  const start = Date.UTC(2026, 0, 1);
  let chunk = "";
  for (let i = 0; i < n; i++) {
    const device = DEVICES[i % DEVICES.length]!;
    const angle = ANGLES[Math.floor(uniform() * ANGLES.length)]!;
    const distance = Math.round((0.5 + 9.5 * uniform()) * 100) / 100;
    const duration = 60;
    const background = (BACKGROUND_uSv_per_h * duration) / 3600;
    const truth = (rate_uSv_per_h(device, distance, angle) * duration) / 3600 + background;
    const sigma = 0.05 * truth + 0.002;
    const dose = Math.max(0, truth + sigma * normal());
    // Monitors logging every 5 s between them, in UTC: 10⁷ readings span about 19 months.
    const at = new Date(start + i * 5_000).toISOString().replace(".000Z", "Z");
    chunk += `B${i},${device.device_id},${at},${distance},m,${angle},${duration},s,${dose.toPrecision(5)},uSv,${sigma.toPrecision(3)},${background.toPrecision(3)},0.001,integrating\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
