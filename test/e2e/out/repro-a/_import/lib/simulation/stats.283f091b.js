import { quantileSorted } from "../../../_node/d3-array@3.2.5/index.8fbc5974.js";
export function quantileOfSorted(sorted, p) {
  return quantileSorted(sorted, p);
}
