// Rows of the grouping query (lib/io/readings-sql.ts groupingSql: DuckDB here, or Spark SQL and Trino over an archive,
// docs/scaling.md) as the groups a fit takes (lib/models/grouped.ts), with each quantity converted to µSv of H*(10).
import {addInstrument, emptyGroup, sortGroups, type ReadingGroup} from "../models/grouped.js";
import {QUANTITIES, type Quantity} from "../readings/types.js";

/** Coefficients that turn a quantity's canonical unit into µSv of H*(10), applied in order (lib/physics convertDose). */
export type DoseConversion = Partial<Record<Quantity, readonly number[]>>;

/** value × c₁ × c₂ …, in the order lib/physics convertDose multiplies; a quantity with no entry cannot be converted. */
export function convertValue(value: number, quantity: Quantity, conversion: DoseConversion): number {
  const chain = conversion[quantity];
  if (chain === undefined) throw new RangeError(`no conversion of ${quantity} to H*(10) was given`);
  let v = value;
  for (const c of chain) v *= c;
  return v;
}

/** One row of the grouping query. */
export interface GroupRow {
  device_id: string;
  sector_deg: number | null;
  /** The quantity by name, or by its index in QUANTITIES (DuckDB's own tables store the index). */
  quantity: number | string;
  bin: number;
  n: number;
  sum_w: number;
  sum_wy: number;
  sum_wyy: number;
  sum_wr: number;
  min_r: number | null;
  max_r: number | null;
  min_y: number | null;
  max_y: number | null;
  censored: number;
  /** The instrument of these readings (instrument_id; null when they name none: a dosimeter id is a restricted badge). */
  instrument_id: string | null;
  instrument_type: string | null;
  /** The largest stated relative uncertainties (k = 1) of the instrument among these readings. */
  calibration_uncertainty: number | null;
  energy_response_uncertainty: number | null;
}

/** Rows by the grouping query's key: sector (none first), bin, quantity, instrument (none first); code-unit order. */
function byGroupRow(a: GroupRow, b: GroupRow): number {
  const text = (x: string | number | null) => (x === null ? "" : `~${x}`);
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (a.sector_deg ?? -1) - (b.sector_deg ?? -1) || a.bin - b.bin || order(text(a.quantity), text(b.quantity)) ||
    order(text(a.instrument_id), text(b.instrument_id));
}

export function quantityOf(row: GroupRow): Quantity {
  const q = typeof row.quantity === "number" ? QUANTITIES[row.quantity] : QUANTITIES.find((x) => x === row.quantity);
  if (q === undefined) throw new RangeError(`"${row.quantity}" is not a quantity`);
  return q;
}

/**
 * One device's rows as fit groups. Rows are per quantity, in the quantity's own unit; each is scaled by its
 * conversion factor k (y → k·y, σ → k·σ, so w → w/k²) and rows of the same sector and bin are added.
 */
export function convertGroupRows(device_id: string, rows: readonly GroupRow[], conversion: DoseConversion): ReadingGroup[] {
  const out = new Map<string, ReadingGroup>();
  // Rows are added in one fixed order, whatever order the engine returned them in, so the sums come out the same to
  // the bit.
  for (const r of [...rows].sort(byGroupRow)) {
    if (r.device_id !== device_id) continue;
    const k = convertValue(1, quantityOf(r), conversion);
    const key = `${r.sector_deg ?? ""}:${r.bin}`;
    let g = out.get(key);
    if (!g) out.set(key, (g = emptyGroup(device_id, r.sector_deg, r.bin)));
    g.n += r.n;
    g.sumW += r.sum_w / (k * k);
    g.sumWY += r.sum_wy / k;
    g.sumWYY += r.sum_wyy;
    g.sumWR += r.sum_wr / (k * k);
    if (r.min_r !== null) g.minR = Math.min(g.minR, r.min_r);
    if (r.max_r !== null) g.maxR = Math.max(g.maxR, r.max_r);
    if (r.min_y !== null) g.minY = Math.min(g.minY, k * r.min_y);
    if (r.max_y !== null) g.maxY = Math.max(g.maxY, k * r.max_y);
    g.censored += r.censored;
    if (r.n > 0) {
      const type = r.instrument_type === "integrating" || r.instrument_type === "rate-meter" ? r.instrument_type : null;
      addInstrument(g, {
        id: r.instrument_id, type, calibration: r.calibration_uncertainty, energyResponse: r.energy_response_uncertainty, readings: r.n, sumW: r.sum_w / (k * k)
      });
    }
  }
  return sortGroups([...out.values()]);
}
