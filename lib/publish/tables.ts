// Every table the site publishes, with the meaning and unit of each column. Restricted fields (see
// docs/restricted-data.md) are left out of the public build here, before anything is written, not hidden by a page.
import type {Dataset} from "../io/load-dataset.js";
import type {Audience} from "./audience.js";
import type {Cell, Table} from "./table-files.js";
import type {Publication, PublishedGroup, PublishedPoint, PublishedProblem, RestsOn} from "./types.js";

type Columns = Table["columns"];

const RESTS_ON = "Readings this figure rests on: removing one of them alone moves it by more than its own uncertainty (the figure without it in brackets); empty when none does";

/** "R-17 (data/x.csv:12, without it 0.089 uSv); …", or null when the figure rests on no single reading. */
function restsOnText(list: readonly RestsOn[] | undefined, unit: string): string | null {
  if (!list || list.length === 0) return null;
  return list.map((r) => `${r.reading_id} (${r.source}, without it ${r.without === null ? "cannot be determined" : `${Number(r.without.toPrecision(3))} ${unit}`})`).join("; ");
}

const col = (name: string, description: string, unit?: string) => (unit ? {name, unit, description} : {name, description});

export interface ReadingTables {
  /** Every reading as fitted. */
  points: readonly PublishedPoint[];
  /** The readings grouped by device, sector and distance. */
  groups: readonly PublishedGroup[];
  /** The flagged readings the models page lists (lib/publish/publication.ts MAX_FLAGGED_PUBLISHED per device). */
  flagged: readonly PublishedPoint[];
  /** Every problem (the publication carries only the first). */
  problems: readonly PublishedProblem[];
}

export function publishedTables(p: Publication, readings: ReadingTables, dataset: Dataset, audience: Audience): Table[] {
  const {points} = readings;
  const internal = audience === "internal";
  const readingColumns: Columns = [
    col("reading_id", "Unique id of the reading (file:line when the file gives none)"),
    col("device_id", "The X-ray device"),
    ...(internal ? [col("dosimeter_id", "The dosimeter or badge (restricted: not in the public build)")] : []),
    col("measured_at", "When the reading was taken, ISO 8601 with the local UTC offset"),
    col("distance_m", "Distance from the device's reference point", "m"),
    col("angle_deg", "Direction from the beam axis; empty when not stated", "deg"),
    col("sector", "The 45° angle sector the reading was fitted in"),
    col("rate_uSv_per_h", "Net dose rate (gross − background) / duration as H*(10); for a reading below detection, its detection limit as a rate", "uSv/h"),
    col("sigma_uSv_per_h", "1-sigma uncertainty of the rate (stated, or 20 % when the reading states none)", "uSv/h"),
    col("censored", "Below the minimum detectable dose: an upper limit, not a value"),
    col("normalised_residual", "(observed − model) / sigma, against the selected model of the reading's angle sector (all angles when it states none)"),
    col("flagged", "Beyond 3 sigma of the model: for review"),
    col("instrument_type", "integrating or rate-meter"),
    col("instrument_id", "The instrument"),
    col("source", "Input file and line"),
    col("gross_uSv", "The gross reading as a dose equivalent (air kerma and exposure converted at the device's effective energy, as for the fit)", "uSv"),
    col("background_uSv", "The background over the same time; empty when not stated", "uSv"),
    col("net_uSv", "Net dose: gross − background (background 0 when not stated)", "uSv"),
    col("status", "accepted, censored (below the detection limit), flagged (beyond 3 sigma of its model), excluded (by a review) or warned (a validation warning at its line)"),
    col("status_detail", "Why: the review's reason, how far from the model, and any warning at its line"),
    ...(internal ? [col("notes", "Free-text notes (restricted: not in the public build)")] : [])
  ];
  const deploymentColumns: Columns = [
    col("deployment_id", "Id of the deployment"),
    col("device_id", "The device used"),
    col("start", "Start, ISO 8601 with offset"),
    col("end", "End, ISO 8601 with offset"),
    col("event", "What the device was deployed for"),
    col("location_type", "Kind of site"),
    col("location", internal ? "Exact location (restricted where marked)" : "Exact location; empty where the log marks it restricted"),
    col("vehicles_scanned", "Vehicles or objects scanned"),
    col("beam_on_h", "Time the X-rays were on", "h"),
    col("scan_speed_km_per_h", "Nominal scan speed", "km/h"),
    col("cordon_m", "Closest distance members of the public could stand", "m"),
    ...(internal ? [col("operators", "Operators on duty (restricted)"), col("notes", "Free-text notes (restricted)")] : [])
  ];
  const verdictRows = p.scenarios.flatMap((s) => s.verdicts.map((v) => ({
    device_id: s.device_id, scenario_id: s.id, scenario: s.title, dose_uSv: s.dose_uSv, upper95_uSv: s.upper95_uSv,
    limit_id: v.limit_id, limit_uSv: v.limit_uSv, period: v.period, kind: v.kind, verdict: v.verdict, margin: v.margin,
    alara: v.alara, explanation: v.explanation
  })));
  return [
    {
      name: "readings", title: "Field readings as fitted", rows: points as unknown as Record<string, Cell>[], columns: readingColumns,
      description: "One row per field reading: its net dose rate and how the device's selected model fits it."
    },
    {
      name: "excluded-readings", title: "Readings excluded by reviews", columns: [
        col("reading_id", "The reading"), col("device_id", "The device"), col("reason", "Why it was set aside"), col("reviewed_on", "Day of the review"),
        ...(internal ? [col("reviewed_by", "Who decided (restricted: not in the public build)")] : []),
        col("review", "The review's file and line"), col("source", "The reading's file and line")
      ],
      rows: p.reviews.excluded as unknown as Record<string, Cell>[],
      description: "Every reading the Radiation Safety Officer's reviews (reviews.csv) set aside: kept in the data, left out of every fit."
    },
    {
      name: "period-totals", title: "Dose totals to date and ALARA levels", columns: [
        col("who", internal ? "A dosimeter, or a device's most-exposed operator or cordon" : "A device's most-exposed operator or cordon (dosimeters are in the internal build only)"),
        col("id", internal ? "The dosimeter (restricted) or the device" : "The device"), col("period", "quarter-to-date, year-to-date or rolling-12-months, as of the build's day"),
        col("from", "First day counted"), col("to", "Last day counted (the build's day)"),
        col("readings_or_deployments", "Readings (dosimeter) or deployments (device) in the period"),
        col("dose_uSv", "Total: measured (dosimeter; readings below detection at their detection limit) or estimated (device)", "uSv"),
        col("upper95_uSv", "95 % upper bound of an estimate (empty for a measured total)", "uSv"),
        col("alara_level", "Highest ALARA investigation level reached"), col("alara_status", "reached, or possibly reached (only the upper bound reaches it)"),
        col("threshold_uSv", "Dose at which that level starts over the period", "uSv")
      ],
      rows: periodTotalRows(p),
      description: "Quarter-to-date, year-to-date and rolling 12-month doses with the ALARA investigation levels (data/limits.json alara) applied."
    },
    {
      name: "output-constancy", title: "Output constancy", columns: [
        col("device_id", "The device"), col("kind", "quarter or calibration period"), col("label", "The period"), col("from", "First day"), col("to", "Last day (empty: still open)"),
        col("n", "Readings charted (above detection, within 3 sigma of the pooled fit)"),
        col("output_uSv_per_h", "The period's output at 1 m on the beam side", "uSv/h"), col("sigma_uSv_per_h", "Its standard uncertainty", "uSv/h"),
        col("pooled_uSv_per_h", "The pooled estimate (centre line)", "uSv/h"), col("z", "(output − pooled) / sigma"),
        col("beyond", "Beyond the 2σ or 3σ limits"), col("out_of_control", "Beyond 3σ, or two of three consecutive periods beyond 2σ on one side: a warning")
      ],
      rows: p.constancy.flatMap((c) => c.points.map((x) => ({device_id: c.device_id, pooled_uSv_per_h: c.pooled_uSv_per_h, ...x}))) as unknown as Record<string, Cell>[],
      description: "Each device's fitted output at 1 m on the beam side per quarter and per calibration period, against the pooled estimate with ±2σ and ±3σ limits."
    },
    {
      name: "reading-groups", title: "Readings by distance", columns: [
        col("device_id", "The device"), col("sector", "Angle sector; empty for all angles together"),
        col("distance_m", "Distance of the readings (their weighted mean when they differ; a device and sector with more than 120 distances is shown in 120 log-spaced bins)", "m"),
        col("readings", "Readings above the detection limit"), col("censored", "Readings below the detection limit"),
        col("mean_rate_uSv_per_h", "Weighted mean net dose rate (weights 1/σ²)", "uSv/h"),
        col("spread_uSv_per_h", "Weighted standard deviation of the readings about the mean", "uSv/h"),
        col("min_rate_uSv_per_h", "Lowest reading", "uSv/h"), col("max_rate_uSv_per_h", "Highest reading", "uSv/h"),
        col("sigma_of_mean_uSv_per_h", "1-sigma uncertainty of the mean", "uSv/h"),
        col("mdl_rate_uSv_per_h", "Highest detection limit of the readings below it", "uSv/h"),
        col("predicted_uSv_per_h", "The selected model's rate at this distance", "uSv/h"),
        col("normalised", "(mean − model) / uncertainty of the mean (widened as the fit's errors are)")
      ],
      rows: readings.groups as unknown as Record<string, Cell>[],
      description: "The readings of each device at each distance, all angles together and per angle sector: what the models page draws."
    },
    {
      name: "flagged-readings", title: "Readings beyond 3 sigma", columns: readingColumns,
      rows: readings.flagged as unknown as Record<string, Cell>[],
      description: "Readings more than 3 standard deviations from their sector's model, the furthest first (at most 200 per device; every reading's residual is in the readings table)."
    },
    {
      name: "fits", title: "Model fits", columns: [
        col("device_id", "The device"), col("sector", "Angle sector, empty for all angles"), col("model", "Model name"),
        col("selected", "The model this group's figures use"), col("converged", "Whether the fit converged"), col("reason", "Why a fit cannot be used"),
        col("n", "Readings in the least-squares sum"), col("n_censored", "Readings below detection, checked against the fit"),
        col("parameters", "Parameter = value ± standard error (unit)"), col("chi_square", "χ²"), col("dof", "Degrees of freedom"),
        col("reduced_chi_square", "χ² / dof"), col("aic", "Akaike information criterion (AICc when enough readings)"),
        col("aic_weight", "Akaike weight among the models fitted to the same readings"), col("n_flagged", "Readings beyond 3 sigma")
      ],
      rows: p.fits.map((f) => ({
        device_id: f.device_id, sector: f.sector, model: f.model, selected: f.selected, converged: f.converged, reason: f.reason,
        n: f.n, n_censored: f.n_censored,
        parameters: f.parameters.map((q) => `${q.name} = ${q.value.toPrecision(4)} ± ${q.stderr === null ? "unknown" : q.stderr.toPrecision(2)} ${q.unit}`).join("; "),
        chi_square: f.chi_square, dof: f.dof, reduced_chi_square: f.reduced_chi_square, aic: f.aic, aic_weight: f.aic_weight, n_flagged: f.n_flagged
      })),
      description: "Every model fitted to each device's readings, all angles together and per angle sector, with fit statistics."
    },
    {
      name: "policy-points", title: "The dose at 5 ft and 10 ft for 10 s", columns: [
        col("device_id", "The device"), col("label", "Where and how long"), col("distance_m", "Distance", "m"), col("duration_s", "Duration", "s"),
        col("dose_uSv", "Best estimate", "uSv"), col("lower95_uSv", "95 % lower bound", "uSv"), col("upper95_uSv", "95 % upper bound", "uSv"),
        col("extrapolated", "Outside the distances the device was measured at: from the model's fall-off with distance"),
        col("rests_on", RESTS_ON)
      ],
      rows: p.devices.flatMap((d) => d.policy_points.map(({rests_on, ...x}) => ({device_id: d.device_id, ...x, rests_on: restsOnText(rests_on, "uSv")}))),
      description: "The dose at 5 ft and 10 ft for 10 s (the distances and time the policy gives figures for), from each device's field readings (the usable model with the highest upper bound)."
    },
    {
      name: "exclusion", title: "Exclusion distances", columns: [
        col("device_id", "The device"), col("limit_id", "Limit (see the limits table)"), col("label", "The limit over its period"),
        col("distance_m", "Smallest distance at which the 95 % upper bound meets the limit", "m"),
        col("extrapolated", "Outside the distances the device was measured at: from the model's fall-off with distance"), col("reason", "Why it cannot be determined"),
        col("rests_on", RESTS_ON)
      ],
      rows: p.devices.flatMap((d) => d.exclusion.map(({rests_on, ...e}) => ({device_id: d.device_id, ...e, rests_on: restsOnText(rests_on, "m")}))),
      description: "How far from the device a person must stay for the upper bound of their dose to meet each limit."
    },
    {
      name: "verdicts", title: "Scenarios against limits", columns: [
        col("device_id", "The device"), col("scenario_id", "Scenario id"), col("scenario", "Scenario"), col("dose_uSv", "Best estimate", "uSv"),
        col("upper95_uSv", "95 % upper bound", "uSv"), col("limit_id", "Limit"), col("limit_uSv", "Limit value", "uSv"), col("period", "Over"),
        col("kind", "Kind of limit"), col("verdict", "within, exceeds, cannot-be-determined, or below/above a reference level"),
        col("margin", "Limit ÷ upper bound"), col("alara", "ALARA investigation level reached"), col("explanation", "Why")
      ],
      rows: verdictRows,
      description: "Every exposure scenario of every device against every limit that applies to it, judged on the 95 % upper bound."
    },
    {
      name: "claims", title: "The policy's claims checked", columns: [
        col("id", "Claim id"), col("section", "Policy section"), col("quote", "Exact quote"), col("check", "What was checked"), col("verdict", "consistent, inconsistent, unsupported or not-checked"), col("explanation", "Why")
      ],
      rows: p.claims as unknown as Record<string, Cell>[],
      description: "Each quantitative statement of the newest policy text, checked for internal consistency, physics, the per-screening limits, everyday comparisons and the field data; a figure the check could not read is listed as not-checked."
    },
    {
      name: "limits", title: "Limits and reference levels", columns: [
        col("id", "Id"), col("label", "As the source states it"), col("body", "Issuing body"), col("document", "Document"), col("clause", "Clause"),
        col("protects", "Who it protects"), col("quantity", "Dose quantity"), col("value", "Value as stated"), col("unit", "Unit as stated"),
        col("value_uSv", "Value in µSv", "uSv"), col("period", "Period"), col("kind", "Legal limit, design criterion, constraint or reference level"),
        col("grade", "A primary, B reliable secondary, C weak"), col("source", "Where it was read"),
        col("sources", "Ids in the bibliography (docs/sources.md)"), col("note", "Note")
      ],
      rows: p.limits as unknown as Record<string, Cell>[],
      description: "The registry of limits this site checks against (data/limits.json), with sources and grades."
    },
    {
      name: "everyday-doses", title: "Everyday doses", columns: [
        col("id", "Id"), col("label", "What"), col("dose_uSv", "Dose", "uSv"), col("source", "Source"),
        col("sources", "Ids in the bibliography (docs/sources.md)"), col("grade", "Grade"), col("note", "Note")
      ],
      rows: p.everyday as unknown as Record<string, Cell>[],
      description: "Everyday doses used for plain-language comparison, with sources and grades."
    },
    {
      name: "deployments", title: "Deployments", columns: deploymentColumns,
      rows: dataset.deployments.map((d) => ({
        deployment_id: d.deployment_id, device_id: d.device_id, start: d.start, end: d.end, event: d.event, location_type: d.location_type,
        location: internal || !d.location_restricted ? d.location : null, vehicles_scanned: d.vehicles_scanned, beam_on_h: d.beam_on_s / 3600,
        scan_speed_km_per_h: d.scan_speed_km_per_h, cordon_m: d.cordon_m,
        ...(internal ? {operators: d.operators.join("; "), notes: d.notes} : {})
      })),
      description: internal ? "Every deployment in the log, with restricted fields (internal build)." : "Every deployment in the log; operators, notes and restricted locations are not published."
    },
    {
      name: "certificates", title: "Calibration certificates", columns: [
        col("device_id", "Device"), col("device_model", "Model"), col("certificate_date", "Issued"), col("next_due", "Next due"),
        col("laboratory", "Laboratory"), col("status", "current, lapsed or superseded on the data-as-of date"),
        col("effective_energy_keV", "Effective photon energy", "keV"), col("source", "Input file")
      ],
      rows: p.certificates as unknown as Record<string, Cell>[],
      description: "The manufacturer's calibration certificates and their status."
    },
    {
      name: "instruments", title: "Instruments", columns: [
        col("instrument_id", "Instrument"), col("instrument_type", "integrating or rate-meter"), col("calibrated_on", "Latest calibration date stated"),
        col("readings", "Readings taken with it"), col("readings_out_of_calibration", "Readings more than 12 months after its calibration")
      ],
      rows: p.instruments as unknown as Record<string, Cell>[],
      description: "The field instruments and their calibration status."
    },
    {
      name: "input-files", title: "Input files", columns: [
        col("path", "File"), col("kind", "What it holds"), col("sha256", "SHA-256 of the file's bytes"), col("rows", "Rows or records"),
        col("first", "Earliest reading"), col("last", "Latest reading"), col("warnings", "Warnings raised")
      ],
      rows: p.files as unknown as Record<string, Cell>[],
      description: "Provenance: every input file with its fingerprint."
    },
    {
      name: "problems", title: "Validation warnings", columns: [
        col("severity", "warning (errors stop the build)"), col("file", "File"), col("line", "Line"), col("column", "Column or JSON path"), col("message", "What is wrong and what would fix it"),
        col("kind", "What kind of warning (the Data quality page groups them by it)")
      ],
      rows: readings.problems as unknown as Record<string, Cell>[],
      description: "Every warning the validators raised on the inputs."
    }
  ];
}

/** One row per dosimeter (internal build) or device person and period. */
function periodTotalRows(p: Publication): Record<string, Cell>[] {
  const t = p.period_totals;
  const period = new Map(t.periods.map((x) => [x.id, x]));
  const span = (id: string) => ({from: period.get(id)!.from, to: period.get(id)!.to});
  return [
    ...(t.dosimeters ?? []).flatMap((d) => d.totals.map((x) => ({
      who: "dosimeter", id: d.dosimeter_id, period: x.period, ...span(x.period), readings_or_deployments: x.readings, dose_uSv: x.dose_uSv, upper95_uSv: null,
      alara_level: x.level, alara_status: x.status, threshold_uSv: x.threshold_uSv
    }))),
    ...t.devices.flatMap((d) => (["operator", "cordon"] as const).flatMap((who) => d[who].map((x) => ({
      who: who === "operator" ? "most-exposed operator" : "cordon", id: d.device_id, period: x.period, ...span(x.period), readings_or_deployments: x.deployments,
      dose_uSv: x.dose_uSv, upper95_uSv: x.upper95_uSv, alara_level: x.level, alara_status: x.status, threshold_uSv: x.threshold_uSv
    }))))
  ];
}
