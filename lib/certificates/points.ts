// Certificate reference points as fit points for the dose-rate models.
import type {Quantity} from "../readings/types.js";
import type {FitPoint} from "../models/types.js";
import type {Certificate} from "./types.js";

/** Quantities measured in Sv: the only ones that can become µSv/h fit points without a physics conversion. */
export type DoseEquivalentQuantity = Extract<Quantity, "H*(10)" | "Hp(10)" | "effective">;

/**
 * The reference points of one quantity (H*(10) unless asked otherwise) as fit points for lib/models
 * ({distance_m, angle_deg, rate_uSv_per_h, sigma_uSv_per_h, ...}); `reading_id` is the certificate id and the
 * point's JSON path, so a residual names the point it came from. Points in another quantity are left out rather than converted: turning air kerma or exposure
 * into a dose equivalent is an energy-dependent physics step that belongs to lib/physics, made explicitly.
 */
export function certificatePoints(
  cert: Pick<Certificate, "certificate_id" | "device_id" | "reference_points" | "source_file">,
  quantity: DoseEquivalentQuantity = "H*(10)"
): FitPoint[] {
  return cert.reference_points
    .filter((p) => p.quantity === quantity)
    .map((p) => ({
      reading_id: `${cert.certificate_id} ${p.path}`,
      device_id: cert.device_id,
      distance_m: p.distance_m,
      angle_deg: p.angle_deg,
      rate_uSv_per_h: p.rate_per_h,
      sigma_uSv_per_h: p.sigma_per_h,
      // A certificate states a measured value at every point: none is below a detection limit.
      censored: false,
      mdl_rate_uSv_per_h: null,
      source: {file: cert.source_file, line: p.line}
    }));
}
