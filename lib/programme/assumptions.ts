// What the product assumes where the data says nothing, in one place. Each assumption is printed beside every verdict
// it feeds (PublishedScenario.assumptions); nothing here may stand in for a missing measurement or deployment: where
// those are missing the verdict is "cannot be determined" instead.

/**
 * The effective photon energy of a device whose certificates do not state one (no certificate yet): about 60 keV for
 * a 125 kVp tube (P. Rez, grade C). It sets the air attenuation coefficient of the models and the conversion of
 * air-kerma and exposure readings to H*(10); readings in Sv or rem do not depend on it.
 */
export const ASSUMED_EFFECTIVE_ENERGY_KEV = 60;

export function assumedEnergyText(device_id: string): string {
  return `No calibration certificate of ${device_id} states its effective energy, so ${ASSUMED_EFFECTIVE_ENERGY_KEV} keV is assumed ` +
    "(typical of a 125 kVp tube; P. Rez, grade C). It sets the air attenuation in the models and the conversion of any " +
    "air-kerma or exposure readings to H*(10).";
}

/**
 * Where an operator stands during a scan: 3 m from the source, free field. The deployment log does not record
 * positions, so this is an assumption of the product, printed with the operator scenarios.
 */
export const OPERATOR_DISTANCE_M = 3;

export const OPERATOR_DISTANCE_TEXT =
  `The operator is taken to stand ${OPERATOR_DISTANCE_M} m from the source during scans: an assumption of this product, because the deployment log does not record where operators stand.`;
