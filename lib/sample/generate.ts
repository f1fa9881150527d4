// The whole synthetic sample data set as file contents, from one seed. Pure: the script only writes the files.
import {generateCertificates} from "./certificates.js";
import {generateDeploymentLog} from "./deployments.js";
import {ANGLE_FACTOR, DEVICES, MU_AIR_PER_M} from "./model.js";
import {seededRandom} from "./random.js";
import {generateReadings, type ReadingsTruth} from "./readings.js";
import {generateReviews} from "./reviews.js";

/** The seed of the committed sample data (`npm run sample-data`). */
export const DEFAULT_SEED = 20240101;

export interface SampleTruth extends ReadingsTruth {
  seed: number;
  devices: {device_id: string; source_uSv_m2_per_h: number}[];
  angle_factor: Readonly<Record<number, number>>;
  mu_air_per_m: number;
}

export interface SampleData {
  /** Repository-relative path → file content, in a fixed order. */
  files: {path: string; content: string}[];
  /** The parameters the data were generated from, for tests that fit them back. */
  truth: SampleTruth;
}

export function generateSampleData(seed = DEFAULT_SEED): SampleData {
  // One stream per part, so that a change to one part leaves the other files byte-identical.
  const certificates = generateCertificates(seededRandom(seed, 1));
  const readings = generateReadings(seededRandom(seed, 2));
  const deployments = generateDeploymentLog(seededRandom(seed, 3));
  return {
    files: [
      ...certificates, ...readings.files, {path: "data/deployments/deployments.csv", content: deployments},
      {path: "data/reviews.csv", content: generateReviews(readings.truth)}
    ],
    truth: {
      seed,
      devices: DEVICES.map((d) => ({device_id: d.device_id, source_uSv_m2_per_h: d.source_uSv_m2_per_h})),
      angle_factor: ANGLE_FACTOR,
      mu_air_per_m: MU_AIR_PER_M,
      ...readings.truth
    }
  };
}
