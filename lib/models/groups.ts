// Fits per device and, where readings state an angle, per angle sector: a backscatter van does not radiate
// equally in every direction, so one fit over all angles can understate the dose on the beam side.
import {fitModel} from "./fit.js";
import type {FitPoint, FitResult, ModelContext, ModelName} from "./types.js";

/** Default sector width: 45°, sectors centred on 0°, 45°, …, 315°, each covering [centre − 22.5°, centre + 22.5°). */
export const DEFAULT_SECTOR_WIDTH_DEG = 45;

export interface Sector {
  centre_deg: number;
  width_deg: number;
}

export interface GroupFit {
  device_id: string;
  /** null: all the device's readings; "unstated": those without an angle, when others have one. */
  sector: Sector | "unstated" | null;
  label: string;
  fit: FitResult;
}

/** The sector centre of an angle, for sectors of `width_deg` centred on multiples of it. */
export function sectorCentre(angle_deg: number, width_deg = DEFAULT_SECTOR_WIDTH_DEG): number {
  const count = 360 / width_deg;
  const index = Math.round(angle_deg / width_deg) % count;
  return ((index + count) % count) * width_deg;
}

export function fitByGroup(
  points: readonly FitPoint[], modelName: ModelName, ctx: ModelContext = {}, options: {sectorWidth_deg?: number} = {}
): GroupFit[] {
  const width = options.sectorWidth_deg ?? DEFAULT_SECTOR_WIDTH_DEG;
  if (!(width > 0) || !Number.isInteger(360 / width)) throw new RangeError(`sector width ${width}° must divide 360°`);
  const byDevice = new Map<string, FitPoint[]>();
  for (const p of points) {
    const list = byDevice.get(p.device_id) ?? [];
    list.push(p);
    byDevice.set(p.device_id, list);
  }
  const groups: GroupFit[] = [];
  for (const [device_id, list] of [...byDevice].sort(([a], [b]) => a.localeCompare(b))) {
    groups.push({device_id, sector: null, label: `${device_id}, all angles`, fit: fitModel(list, modelName, ctx)});
    if (!list.some((p) => p.angle_deg !== null)) continue;
    const bySector = new Map<number, FitPoint[]>();
    const unstated: FitPoint[] = [];
    for (const p of list) {
      if (p.angle_deg === null) {
        unstated.push(p);
        continue;
      }
      const c = sectorCentre(p.angle_deg, width);
      let list = bySector.get(c);
      if (!list) bySector.set(c, (list = []));
      list.push(p);
    }
    for (const [centre_deg, sectorPoints] of [...bySector].sort(([a], [b]) => a - b)) {
      groups.push({
        device_id, sector: {centre_deg, width_deg: width},
        label: `${device_id}, ${centre_deg}° ± ${width / 2}°`, fit: fitModel(sectorPoints, modelName, ctx)
      });
    }
    if (unstated.length > 0) groups.push({device_id, sector: "unstated", label: `${device_id}, angle not stated`, fit: fitModel(unstated, modelName, ctx)});
  }
  return groups;
}
