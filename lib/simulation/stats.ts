// Quantiles of typed arrays through d3-array (R-7 interpolation, the same as numpy's default and R's type 7).
import {quantileSorted} from "d3-array";

/** The p quantile of ascending-sorted values. d3 reads typed arrays by index; its types only name plain arrays. */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  return quantileSorted(sorted as unknown as number[], p)!;
}
