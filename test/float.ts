// The neighbouring doubles of a number: "just below" and "just above" a threshold, with nothing in between, so a
// boundary test tells `<` from `<=` whatever the threshold's size.

export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const value = new Float64Array([x]);
  const bits = new BigInt64Array(value.buffer);
  bits[0]! += x > 0 ? 1n : -1n;
  return value[0]!;
}

export function nextDown(x: number): number {
  return -nextUp(-x);
}
