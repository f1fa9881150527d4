// Input checks shared by the imaging model. Every public function checks what it is given and throws a RangeError
// naming the offending input, so a page's sliders cannot silently produce NaN or Infinity.

/** Throws a RangeError unless `value` is a finite number > 0. */
export function requirePositive(name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number > 0, got ${String(value)}`);
  }
}

/** Throws a RangeError unless `value` is a finite number ≥ 0. */
export function requireNonNegative(name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
}

/** Throws a RangeError unless `value` is a whole number ≥ 1. */
export function requirePositiveInteger(name: string, value: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a whole number ≥ 1, got ${String(value)}`);
  }
}
