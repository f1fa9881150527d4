// Checks that need the fitted models, for `xray-dose validate DIR`: each device's output constancy (a period out of
// control is a warning), computed exactly as the site computes it, reviews applied.
import type {Dataset} from "../io/load-dataset.js";
import type {Problem} from "../io/problems.js";
import {deviceConstancy} from "./constancy.js";
import {analyseDevices} from "./publication.js";

export function analysisProblems(dataset: Dataset): Problem[] {
  return analyseDevices(dataset).flatMap((a) => deviceConstancy(a, dataset.certificates).problems);
}
