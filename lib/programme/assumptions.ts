// What the product assumes where the data says nothing, in one place. Each assumption is printed beside every verdict
// it feeds (PublishedScenario.assumptions); nothing here may stand in for a missing measurement or deployment: where
// those are missing the verdict is "cannot be determined" instead.

/**
 * The effective photon energy of a device whose certificates do not state one (no certificate yet): about 60 keV for
 * a 125 kVp tube (P. Rez [Rez-ASU], grade C). It sets the air attenuation coefficient of the models and the conversion of
 * air-kerma and exposure readings to H*(10); readings in Sv or rem do not depend on it.
 */
export const ASSUMED_EFFECTIVE_ENERGY_KEV = 60;

export function assumedEnergyText(device_id: string): string {
  return `No calibration certificate of ${device_id} states its effective energy, so ${ASSUMED_EFFECTIVE_ENERGY_KEV} keV is assumed ` +
    "(typical of a 125 kVp tube; P. Rez [Rez-ASU], grade C). It sets the air attenuation in the models and the conversion of any " +
    "air-kerma or exposure readings to H*(10).";
}

/**
 * Where an operator stands during a scan: 3 m from the source, free field. The deployment log does not record
 * positions, so this is an assumption of the product, printed with the operator scenarios.
 */
export const OPERATOR_DISTANCE_M = 3;

export const OPERATOR_DISTANCE_TEXT =
  `The operator is taken to stand ${OPERATOR_DISTANCE_M} m from the source during scans: an assumption of this product, because the deployment log does not record where operators stand.`;

/** The directions from the beam axis (sector centres, degrees, one side: the van is taken as symmetric) a device is measured in. */
export const HALF_PLANE_SECTORS_DEG = [0, 45, 90, 135, 180];

/**
 * When a device's usable models do not cover every direction: the dose in the others is taken to be no higher than
 * in the directions measured (null when every direction is covered).
 */
export function directionsText(device_id: string, measured: readonly (string | null)[]): string | null {
  const covered = new Set(measured.filter((s): s is string => s !== null).map((s) => {
    const c = Number.parseFloat(s);
    return c > 180 ? 360 - c : c;
  }));
  if (HALF_PLANE_SECTORS_DEG.every((c) => covered.has(c))) return null;
  const which = covered.size === 0 ? "no stated direction from the beam axis" : `the direction${covered.size === 1 ? "" : "s"} ${[...covered].sort((a, b) => a - b).map((c) => `${c}°`).join(", ")} from the beam axis only`;
  return `The readings of ${device_id} that a model could be fitted to have ${which}: the dose in other directions is taken to be no higher than the highest of these.`;
}
