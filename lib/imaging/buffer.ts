// The device's first-in-first-out image buffer. Policy ("Policies & Procedures Relating to Retention, Access & Use of
// the Data"): an image not downloaded "is automatically overridden on what is known as a first-in-first-out basis".
// The buffer's size is not public: bufferImages is an input, not a fact.
import {requirePositive, requirePositiveInteger} from "./validate.js";

export interface BufferQuestion {
  /** Images the device holds before the oldest is overwritten (unknown; an input). */
  bufferImages: number;
  /** Scans per hour, assumed steady. */
  scansPerHour: number;
  /** Images produced by one scan. */
  imagesPerScan: number;
}

export interface BufferRetention {
  /** How long an unsaved image stays on the device before a newer one overwrites it (s), at a steady scan rate. */
  retention_s: number;
  /** Scans whose images the buffer holds at once. */
  scansHeld: number;
}

/** retention = bufferImages / (scansPerHour × imagesPerScan / 3600 s). */
export function bufferRetention(q: BufferQuestion): BufferRetention {
  requirePositiveInteger("bufferImages", q.bufferImages);
  requirePositive("scansPerHour", q.scansPerHour);
  requirePositive("imagesPerScan", q.imagesPerScan);
  const imagesPerSecond = (q.scansPerHour * q.imagesPerScan) / 3600;
  return {retention_s: q.bufferImages / imagesPerSecond, scansHeld: q.bufferImages / q.imagesPerScan};
}
