// The device's first-in-first-out image buffer (policy: an image not downloaded is overwritten by newer ones).

export interface BufferQuestion {
  bufferImages: number;
  scansPerHour: number;
  imagesPerScan: number;
}

export interface BufferRetention {
  /** How long an unsaved image stays on the device before it is overwritten (s). */
  retention_s: number;
  /** Scans whose images the buffer holds at once. */
  scansHeld: number;
}

export function bufferRetention(q: BufferQuestion): BufferRetention {
  if (!Number.isInteger(q.bufferImages) || q.bufferImages < 1) throw new Error(`bufferImages must be an integer ≥ 1, got ${q.bufferImages}`);
  if (!(q.scansPerHour > 0)) throw new Error(`scansPerHour must be > 0, got ${q.scansPerHour}`);
  if (!(q.imagesPerScan > 0)) throw new Error(`imagesPerScan must be > 0, got ${q.imagesPerScan}`);
  const imagesPerSecond = (q.scansPerHour * q.imagesPerScan) / 3600;
  // The oldest image is overwritten when the buffer has taken bufferImages newer ones.
  return {retention_s: q.bufferImages / imagesPerSecond, scansHeld: q.bufferImages / q.imagesPerScan};
}
