// Whether a certificate is still in force on a given day.
import type {Problem} from "../io/problems.js";
import type {Certificate} from "./types.js";

export interface CertificateStatus {
  status: "current" | "lapsed";
  /** Whole calendar days past the due date; 0 while current. */
  days_overdue: number;
  /** The warning the RSO pages show for a lapsed certificate; null while current. */
  problem: Problem | null;
}

/**
 * A certificate is current up to and including its next-due date, and lapsed from the day after. Days are UTC
 * calendar days of `asOf`: a certificate date has no time zone, and a one-day difference at midnight in New York
 * does not change what the RSO must do.
 */
export function certificateStatus(cert: Pick<Certificate, "certificate_id" | "device_id" | "next_due_on" | "source_file">, asOf: Date): CertificateStatus {
  const asOfDay = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  const due = Date.parse(`${cert.next_due_on}T00:00:00Z`);
  const days = Math.round((asOfDay - due) / 86_400_000);
  if (days <= 0) return {status: "current", days_overdue: 0, problem: null};
  return {
    status: "lapsed",
    days_overdue: days,
    problem: {
      severity: "warning",
      code: "certificate-lapsed",
      file: cert.source_file,
      column: "$.next_due_on",
      message: `certificate ${cert.certificate_id} for device ${cert.device_id} was due for renewal on ${cert.next_due_on} and is ${days} day${days === 1 ? "" : "s"} overdue: have the device recalibrated and add the new certificate`
    }
  };
}

/** The newest certificate of each device (by issue date), the one whose status matters today. */
export function latestCertificates<C extends Pick<Certificate, "device_id" | "issued_on">>(certificates: readonly C[]): C[] {
  const latest = new Map<string, C>();
  for (const cert of certificates) {
    const seen = latest.get(cert.device_id);
    if (!seen || cert.issued_on > seen.issued_on) latest.set(cert.device_id, cert);
  }
  return [...latest.values()].sort((a, b) => (a.device_id < b.device_id ? -1 : a.device_id > b.device_id ? 1 : 0));
}
