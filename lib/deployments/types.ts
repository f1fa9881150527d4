// One row of the deployment log, normalised: plain numbers in the units their field names state.

export interface Deployment {
  deployment_id: string;
  /** The device serial, as in certificates and readings (e.g. "ZBV-0417"). */
  device_id: string;
  /** ISO 8601 with offset, exactly as given. */
  start: string;
  start_ms: number;
  end: string;
  end_ms: number;
  /** What the device was deployed for, e.g. "UN General Assembly week". */
  event: string;
  /** Kind of site, e.g. "street checkpoint": publishable even when the exact location is not. */
  location_type: string;
  /**
   * The exact location as written; null when not given.
   * RESTRICTED when `location_restricted` is true: must not appear in the public build.
   */
  location: string | null;
  location_restricted: boolean;
  vehicles_scanned: number;
  beam_on_s: number;
  scan_speed_km_per_h: number;
  /** Closest distance members of the public could stand from the device. */
  cordon_m: number;
  /**
   * RESTRICTED (always): names or badge numbers of the operators on duty. Personal data of staff; a later stage
   * strips it from the public build, so nothing public may read this field.
   */
  operators: string[];
  /** RESTRICTED (always): free text nobody reviewed for publication (docs/restricted-data.md). */
  notes: string | null;
  source: {file: string; line: number};
  /** RESTRICTED (always): columns the format does not define, kept verbatim; unknown content is not published. */
  extra: Record<string, string>;
}

/** Fields never published (docs/restricted-data.md). Validation messages never quote their values either. */
export const ALWAYS_RESTRICTED_DEPLOYMENT_FIELDS = ["operators", "notes", "extra"] as const satisfies readonly (keyof Deployment)[];
/** Fields not published for rows whose `location_restricted` is true. */
export const LOCATION_RESTRICTED_DEPLOYMENT_FIELDS = ["location"] as const satisfies readonly (keyof Deployment)[];
