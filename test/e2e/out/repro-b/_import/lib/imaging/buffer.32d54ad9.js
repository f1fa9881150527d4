import { requirePositive, requirePositiveInteger } from "./validate.9d3a8803.js";
export function bufferRetention(q) {
  requirePositiveInteger("bufferImages", q.bufferImages);
  requirePositive("scansPerHour", q.scansPerHour);
  requirePositive("imagesPerScan", q.imagesPerScan);
  const imagesPerSecond = q.scansPerHour * q.imagesPerScan / 3600;
  return { retention_s: q.bufferImages / imagesPerSecond, scansHeld: q.bufferImages / q.imagesPerScan };
}
