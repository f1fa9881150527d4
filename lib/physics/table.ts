// A tabulated physics coefficient, read between its points by log–log interpolation (attenuation and conversion
// coefficients are close to power laws between tabulated energies, e.g. the NIST air tables [NIST-SRD-126]).
// Outside the table is an error, never an extrapolation: a made-up coefficient would silently bias a dose.

/** Raised for a physics question the product cannot answer (energy outside a table, a missing assumption). */
export class PhysicsError extends Error {
  override name = "PhysicsError";
}

/** A number with what it is and where it comes from, so every caller can print both. */
export interface Coefficient {
  coefficient: number;
  /** The unit of `coefficient`, e.g. "cm2/g", "Sv/Gy". */
  unit: string;
  source: string;
}

export interface Table {
  /** What the table holds, for messages ("μ/ρ of dry air"). */
  name: string;
  /** Ascending. */
  energies_keV: readonly number[];
  values: readonly number[];
  unit: string;
  source: string;
}

/** Log–log interpolation in `table` at `energy_keV`; exact at tabulated points. Throws PhysicsError outside the table. */
export function interpolateLogLog(table: Table, energy_keV: number): Coefficient {
  const xs = table.energies_keV;
  const lo = xs[0]!;
  const hi = xs[xs.length - 1]!;
  if (!Number.isFinite(energy_keV) || energy_keV < lo || energy_keV > hi) {
    throw new PhysicsError(
      `${table.name} is tabulated from ${lo} to ${hi} keV only; ${energy_keV} keV is outside the table (${table.source}). Give an effective photon energy between ${lo} and ${hi} keV.`
    );
  }
  let k = 0;
  while (k < xs.length - 2 && energy_keV > xs[k + 1]!) k++;
  const x0 = xs[k]!;
  const x1 = xs[k + 1]!;
  const y0 = table.values[k]!;
  const y1 = table.values[k + 1]!;
  let value: number;
  if (energy_keV === x0) value = y0;
  else if (energy_keV === x1) value = y1;
  else {
    const t = Math.log(energy_keV / x0) / Math.log(x1 / x0);
    value = Math.exp(Math.log(y0) + t * Math.log(y1 / y0));
  }
  const where = xs.includes(energy_keV) ? "" : " (log–log interpolation between tabulated energies)";
  return {coefficient: value, unit: table.unit, source: table.source + where};
}
