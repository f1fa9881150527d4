// Build-up of scattered photons in air: the dose at a distance from a point source in air is the narrow-beam
// (uncollided) dose e^(−μr)/r² times a build-up factor B(μr) ≥ 1 that counts the photons scattered towards the point.
// Around a backscatter van the field a bystander meets is largely scattered, so narrow-beam attenuation alone
// understates the dose far out (B is about b ≈ 4.8 at one mean free path, 44 m, at 60 keV).
//
// The geometric-progression (GP) fit of ANSI/ANS-6.4.3-1991 [ANSI-ANS-6.4.3] for the exposure build-up factor of a
// point isotropic source in an infinite medium of air, with Harima's form:
//   K(x) = c·x^a + d·[tanh(x/X − 2) − tanh(−2)] / [1 − tanh(−2)]
//   B(x) = 1 + (b − 1)·(K^x − 1)/(K − 1)    (K ≠ 1),   B(x) = 1 + (b − 1)·x   (K = 1)
// for x = μr in mean free paths, fitted over 0 < x ≤ 40. No imports beyond types: the browser's dose field uses it.

/** One row of GP coefficients (b, c, a, X, d) at one energy. */
export interface GpCoefficients {
  energy_keV: number;
  b: number;
  c: number;
  a: number;
  X: number;
  d: number;
}

/**
 * The build-up factor at an effective energy: the two tabulated rows around it and the log–log weight between them
 * (B is interpolated as ln B linear in ln E, like the project's other tables). Plain data, so that it travels to the
 * browser with a fitted model.
 */
export interface AirBuildup {
  lower: GpCoefficients;
  upper: GpCoefficients;
  /** ln(E/E_lower)/ln(E_upper/E_lower); 0 at a tabulated energy. */
  weight: number;
  energy_keV: number;
  source: string;
}

import {PhysicsError} from "./table.js";

const SOURCE =
  "ANSI/ANS-6.4.3-1991 geometric-progression exposure build-up factors for air, as transcribed in the ZapMeNot point-kernel code's material library (grade B) [ANSI-ANS-6.4.3]";

/** GP coefficients for air, 20–200 keV, exposure build-up [ANSI-ANS-6.4.3]. */
export const AIR_GP_COEFFICIENTS: readonly GpCoefficients[] = [
  {energy_keV: 20, b: 1.407, c: 0.512, a: 0.161, X: 14.4, d: -0.0819},
  {energy_keV: 30, b: 2.292, c: 0.693, a: 0.102, X: 13.34, d: -0.0484},
  {energy_keV: 40, b: 3.39, c: 1.052, a: -0.004, X: 19.76, d: -0.0068},
  {energy_keV: 50, b: 4.322, c: 1.383, a: -0.071, X: 13.51, d: 0.027},
  {energy_keV: 60, b: 4.837, c: 1.653, a: -0.115, X: 13.66, d: 0.0511},
  {energy_keV: 80, b: 4.929, c: 1.983, a: -0.159, X: 13.74, d: 0.073},
  {energy_keV: 100, b: 4.58, c: 2.146, a: -0.178, X: 12.83, d: 0.0759},
  {energy_keV: 150, b: 3.894, c: 2.148, a: -0.173, X: 14.46, d: 0.0698},
  {energy_keV: 200, b: 3.345, c: 2.147, a: -0.176, X: 14.08, d: 0.0719}
];

/** Depth (mean free paths) up to which the GP fit was made; beyond it the formula is an extrapolation. */
export const GP_MAX_MFP = 40;

const TANH_2 = Math.tanh(-2);

/** The GP build-up factor at x mean free paths for one row of coefficients. */
export function gpBuildup(x: number, g: GpCoefficients): number {
  if (!(x > 0)) return 1;
  const K = g.c * Math.pow(x, g.a) + (g.d * (Math.tanh(x / g.X - 2) - TANH_2)) / (1 - TANH_2);
  // Near K = 1 the two forms meet; the linear one avoids 0/0.
  if (Math.abs(K - 1) < 1e-9) return 1 + (g.b - 1) * x;
  return 1 + ((g.b - 1) * (Math.pow(K, x) - 1)) / (K - 1);
}

/**
 * B at x mean free paths and the effective energy the build-up was set up for. Beyond 40 mean free paths (1.8 km of
 * air at 60 keV), where the fit ends, B is held at its value at 40: the dose there is below 10⁻¹³ of the dose at 1 m,
 * and holding B keeps the rate falling with distance, which the distance searches rely on.
 */
export function airBuildupFactor(x: number, buildup: AirBuildup): number {
  const depth = Math.min(x, GP_MAX_MFP);
  const lo = gpBuildup(depth, buildup.lower);
  if (buildup.weight === 0) return lo;
  const hi = gpBuildup(depth, buildup.upper);
  return Math.exp((1 - buildup.weight) * Math.log(lo) + buildup.weight * Math.log(hi));
}

/** The build-up of air at an effective energy, 20–200 keV; a PhysicsError outside the table (never extrapolated). */
export function airBuildup(energy_keV: number): AirBuildup {
  const rows = AIR_GP_COEFFICIENTS;
  const lo = rows[0]!.energy_keV;
  const hi = rows[rows.length - 1]!.energy_keV;
  if (!Number.isFinite(energy_keV) || energy_keV < lo || energy_keV > hi) {
    throw new PhysicsError(`the build-up factors of air are tabulated from ${lo} to ${hi} keV only; ${energy_keV} keV is outside the table (${SOURCE}). Give an effective photon energy between ${lo} and ${hi} keV.`);
  }
  let k = 0;
  while (k < rows.length - 2 && energy_keV > rows[k + 1]!.energy_keV) k++;
  const lower = rows[k]!;
  const upper = rows[k + 1]!;
  const exact = rows.find((r) => r.energy_keV === energy_keV);
  if (exact) return {lower: exact, upper: exact, weight: 0, energy_keV, source: SOURCE};
  return {lower, upper, weight: Math.log(energy_keV / lower.energy_keV) / Math.log(upper.energy_keV / lower.energy_keV), energy_keV, source: `${SOURCE} (ln B interpolated linearly in ln E)`};
}
