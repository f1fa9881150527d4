// `xray-dose fit`: fit a dose-rate model to a device's readings and show how well it fits and which model the
// data support. Output grows with the distances measured, not with the readings: the fit, the groups of readings
// per distance (mean and spread), and the readings flagged against the fit; --residuals writes every residual.
import {parseOptions, UsageError, type Command} from "../command.js";
import {MODEL_NAMES, MODELS, fitGroupsBySector, groupDistance, groupMean, groupSpread, mergeSectors, parameterVector, type FitResult, type ReadingGroup} from "../../lib/models/index.js";
import {MODEL_SOURCE_OPTIONS, budgetJson, budgetLines, fmt, modelJson, modelLines, resolveModel, resolveModelFromGroups, type ResolvedModel} from "../model-input.js";
import {uncertaintyBudget} from "../../lib/exposure/index.js";
import {BUDGET_DISTANCE_M, fitDeviceGroups} from "../../lib/publish/device-models.js";
import {describeEffect} from "../../lib/publish/influence.js";
import {INFLUENCE_METHOD} from "../../lib/publish/publication.js";
import {deviceInfluence} from "../../lib/publish/reading-influence.js";

const HELP = `Usage: xray-dose fit READINGS... [--model NAME] [--device ID] [--effective-energy E] [--reviews FILE] [--residuals FILE] [--json]
       xray-dose fit --groups GROUPS [--model NAME] [--device ID] [--effective-energy E] [--json]

Fits a model of net dose rate (µSv/h) against distance (m) to one device's readings by weighted least squares
(weights 1/sigma^2) and reports each parameter with its standard error, the covariance matrix, chi-square,
degrees of freedom, the reduced chi-square, every model ranked by AICc, one fit per 45° angle sector when the
readings state angles, the readings grouped by distance (mean and spread against the fit), the readings beyond
3 sigma of the fit and the readings below the detection limit that the fit contradicts.

READINGS are CSV or Parquet files, or folders of them; large files are read with DuckDB. The fit is made from
sums per device, sector and distance, which gives exactly the fit to every reading.

Models: ${MODEL_NAMES.join(", ")} (default: the lowest AICc).
  --model NAME           fit this model
  --device ID            the device whose readings to fit (required when the files hold several)
  --effective-energy E   effective photon energy (default 60 keV): mu of air; converts air-kerma readings
  --reviews FILE         the RSO's reviews (reviews.csv): readings it excludes are left out of the fit, the
                         checks and the residuals, and listed; reviews of readings in other files are left out
                         (counted on stderr)
  --residuals FILE       write every reading's residual to FILE (.parquet, or CSV otherwise)
  --groups GROUPS        fit from a groups file (CSV or Parquet) made by the grouping query of docs/scaling.md,
                         for readings aggregated elsewhere (Spark SQL, Trino); single readings are then unknown
  --json                 print one JSON object
See docs/methodology.md for the method and docs/scaling.md for large data.`;

/** Flagged readings listed in the text output (all are counted; --json lists up to 10 000, --residuals every one). */
const LISTED = 20;

/** Why a fit from DuckDB's volumes or from groups says nothing about single readings' influence. */
export const INFLUENCE_NOT_CHECKED = "not checked here: a single reading's influence needs every reading as a fit point, and these readings stayed in DuckDB (inputs of 2 MB or more) or came as groups; xray-dose validate on files read whole, and the site's build, check it";
/** Distance groups listed in the text output. */
const GROUPS_LISTED = 40;

function summary(fit: FitResult) {
  return {
    model: fit.model, n: fit.n, converged: fit.converged, reason: fit.reason, parameters: fit.parameters,
    chiSquare: fit.chiSquare, dof: fit.dof, reducedChiSquare: fit.reducedChiSquare
  };
}

/** A group as published: where, how many, the mean rate and its spread, and how the fit sees it. */
function groupRow(g: ReadingGroup, fit: FitResult, predict: (r: number) => number) {
  const distance_m = groupDistance(g);
  const mean = g.n > 0 ? groupMean(g) : null;
  const predicted = predict(distance_m);
  const sigmaOfMean = g.n > 0 ? 1 / Math.sqrt(g.sumW) : null;
  return {
    sector_deg: g.sector_deg, distance_m, readings: g.n, censored: g.censored,
    mean_rate_uSv_per_h: mean, spread_uSv_per_h: g.n > 0 ? groupSpread(g) : null, sigma_of_mean_uSv_per_h: sigmaOfMean,
    predicted_uSv_per_h: fit.converged ? predicted : null,
    // The mean's residual in units of its own uncertainty (σ of the mean, widened as the fit's errors are).
    normalised: mean !== null && sigmaOfMean !== null && fit.converged ? (mean - predicted) / (sigmaOfMean * Math.sqrt(fit.covarianceScale)) : null
  };
}

export const fitCommand: Command = {
  name: "fit",
  summary: "fit a dose-rate model (inverse-square, offset, power-law, air) to readings",
  help: HELP,
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {
      model: MODEL_SOURCE_OPTIONS.model, device: MODEL_SOURCE_OPTIONS.device,
      "effective-energy": MODEL_SOURCE_OPTIONS["effective-energy"], reviews: MODEL_SOURCE_OPTIONS.reviews, json: MODEL_SOURCE_OPTIONS.json,
      residuals: {type: "string"}, groups: {type: "string"}
    });
    let resolved: ResolvedModel;
    if (values.groups !== undefined) {
      if (positionals.length > 0) throw new UsageError("give either readings files or --groups, not both");
      if (values.residuals !== undefined) throw new UsageError("--residuals needs the readings: single readings are not in a groups file");
      if (values.reviews !== undefined) throw new UsageError("--reviews needs the readings: a groups file holds no single readings to set aside");
      resolved = await resolveModelFromGroups(values.groups, values, io);
    } else {
      if (positionals.length === 0) throw new UsageError("give at least one readings file: xray-dose fit READINGS.csv (or --groups GROUPS)");
      resolved = await resolveModel({...values, readings: positionals}, io, {keepScan: values.residuals !== undefined});
    }
    let residualsWritten: {path: string; rows: number} | null = null;
    try {
      if (values.residuals !== undefined && resolved.scan) {
        const rows = await resolved.scan.writeResiduals(values.residuals, resolved.device_id!, resolved.fit, resolved.doseConversion);
        residualsWritten = {path: values.residuals, rows};
      }
    } finally {
      resolved.scan?.close();
    }
    const {fit, check} = resolved;
    const params = parameterVector(fit);
    const predict = (r: number) => MODELS[fit.model].rate(r, params, fit.context);
    const sectors = fitGroupsBySector(resolved.groups, fit.model, resolved.context).filter((g) => g.sector !== null);
    // As the site fits: each 45° sector's own best-supported model (the --model one when given).
    const site = values.model === undefined && resolved.groups.length > 0
      ? fitDeviceGroups(resolved.device_id ?? "", resolved.groups, resolved.context).groups.filter((g) => g.sector !== null) : [];
    const budget = uncertaintyBudget(fit, BUDGET_DISTANCE_M, "prediction");
    // Readings that alone move the site's 5 ft or 10 ft upper bound by more than its uncertainty: this needs every
    // reading as a fit point, so it is done when the readings were read whole (null for DuckDB's volumes and groups).
    const influence = resolved.points === null ? null : deviceInfluence(resolved.device_id ?? "", resolved.points, resolved.context);
    const groups = mergeSectors(resolved.groups).map((g) => groupRow(g, fit, predict));
    const comparison = resolved.comparison!.map((c) => ({
      model: c.model, criterion: c.criterion, score: c.score, delta: c.delta, weight: c.weight, converged: c.fit.converged, reason: c.fit.reason
    }));
    const readingOut = (c: NonNullable<typeof check>["flagged"][number]) => ({
      reading_id: c.reading.reading_id, source: `${c.reading.source.file}:${c.reading.source.line}`, measured_at: c.reading.measured_at,
      distance_m: c.distance_m, angle_deg: c.reading.angle_deg, observed_uSv_per_h: c.observed, sigma_uSv_per_h: c.sigma,
      predicted_uSv_per_h: c.predicted, normalised: c.normalised
    });

    if (values.json) {
      io.stdout(JSON.stringify({
        model: fit.model, n: fit.n, parameters: fit.parameters, covariance: fit.covariance, chiSquare: fit.chiSquare, dof: fit.dof,
        reducedChiSquare: fit.reducedChiSquare, converged: fit.converged, iterations: fit.iterations, covarianceScale: fit.covarianceScale,
        aic: fit.aic, aicc: fit.aicc, device: resolved.device_id, distanceRange: {value: fit.distanceRange_m, unit: "m"},
        effectiveEnergy: {value: resolved.effectiveEnergy_keV, unit: "keV", stated: resolved.energyStated},
        mu: {value: resolved.context.mu_per_m, unit: "1/m", source: resolved.context.mu_source},
        comparison, sectors: sectors.map((g) => ({label: g.label, sector: g.sector, ...summary(g.fit)})),
        siteSectors: site.map((g) => ({sector: g.sector, selected: g.selected ? summary(g.selected) : null, reason: g.reason})),
        budget: {distance: {value: BUDGET_DISTANCE_M, unit: "m"}, ...budgetJson(budget)},
        instrumentUncertainty: fit.instrumentUncertainty, occasionScatter: fit.occasionScatter, notes: fit.notes,
        groups,
        flagged: check ? {count: check.flaggedCount, readings: check.flagged.map(readingOut)} : null,
        belowDetection: check ? {
          readings: check.censored, inconsistent: check.inconsistentCount,
          inconsistentReadings: check.inconsistent.map((c) => ({...readingOut(c), mdl_rate_uSv_per_h: c.mdl_rate_uSv_per_h}))
        } : null,
        files: resolved.files, conversion: resolved.conversion, excluded: modelJson(resolved).excluded, residualsFile: residualsWritten,
        influence: influence === null ? {checked: false, reason: INFLUENCE_NOT_CHECKED, method: INFLUENCE_METHOD} : {...influence, method: INFLUENCE_METHOD}
      }, null, 2));
      return 0;
    }

    const lines = [...modelLines(resolved), ""];
    lines.push(`Parameters (rate in µSv/h, distance in m):`);
    for (const name of fit.parameterNames) {
      const p = fit.parameters[name]!;
      lines.push(`  ${name.padEnd(3)} = ${fmt(p.value, 6)} ± ${fmt(p.stderr, 3)} ${p.unit === "1" ? "(dimensionless)" : p.unit}`);
    }
    lines.push(`Chi-square ${fmt(fit.chiSquare)} on ${fit.dof} degrees of freedom, reduced ${fmt(fit.reducedChiSquare)}; errors scaled by sqrt(${fmt(fit.covarianceScale)}).`);
    lines.push(`Covariance (${fit.parameterNames.join(", ")}): ${JSON.stringify(fit.covariance?.map((row) => row.map((c) => Number(c.toPrecision(4)))))}`);
    lines.push(`Fitted distances ${fmt(fit.distanceRange_m![0])} to ${fmt(fit.distanceRange_m![1])} m.`, "");
    lines.push(`Readings by distance (${groups.length} distance${groups.length === 1 ? "" : "s"}; mean rate ± spread, and the mean's residual in σ of the mean):`);
    for (const g of groups.slice(0, GROUPS_LISTED)) {
      lines.push(`  ${fmt(g.distance_m).padStart(7)} m  ${String(g.readings).padStart(8)} readings  mean ${fmt(g.mean_rate_uSv_per_h).padStart(9)} ± ${fmt(g.spread_uSv_per_h, 3).padStart(8)}  predicted ${fmt(g.predicted_uSv_per_h).padStart(9)} µSv/h  ${fmt(g.normalised, 3).padStart(7)}${g.censored > 0 ? `  (${g.censored} below detection)` : ""}`);
    }
    if (groups.length > GROUPS_LISTED) lines.push(`  … and ${groups.length - GROUPS_LISTED} more distances (--json lists them all).`);
    if (check) {
      lines.push("", `Readings beyond 3 sigma of the fit: ${check.flaggedCount} of ${check.compared}${check.flaggedCount > LISTED ? ` (the first ${LISTED}; --json lists ${check.flagged.length}, --residuals FILE writes every residual)` : ""}.`);
      for (const c of check.flagged.slice(0, LISTED)) {
        lines.push(`  ${`${c.reading.source.file}:${c.reading.source.line}`.padEnd(28)} ${c.reading.reading_id.padEnd(18)} ${fmt(c.distance_m).padStart(7)} m  observed ${fmt(c.observed).padStart(9)}  predicted ${fmt(c.predicted).padStart(9)} µSv/h  ${fmt(c.normalised, 3).padStart(7)}`);
      }
      if (check.censored > 0) {
        lines.push("", `Below the detection limit (not fitted): ${check.censored}; inconsistent with the fit: ${check.inconsistentCount}.`);
        for (const c of check.inconsistent.slice(0, LISTED)) {
          lines.push(`  ${`${c.reading.source.file}:${c.reading.source.line}`.padEnd(28)} ${c.reading.reading_id.padEnd(18)} ${fmt(c.distance_m).padStart(7)} m  MDL ${fmt(c.mdl_rate_uSv_per_h)} µSv/h, fit predicts ${fmt(c.predicted)} µSv/h  INCONSISTENT`);
        }
      }
    }
    if (residualsWritten) lines.push("", `Wrote ${residualsWritten.rows} residuals to ${residualsWritten.path}.`);
    lines.push("", "Models compared on the same readings (Akaike weight = relative support):");
    for (const c of comparison) {
      lines.push(`  ${c.model.padEnd(22)} ${c.converged ? `${c.criterion === "aicc" ? "AICc" : "AIC "} ${fmt(c.score)}  delta ${fmt(c.delta, 3)}  weight ${fmt(c.weight, 3)}` : `not fitted: ${c.reason}`}`);
    }
    if (sectors.length > 0) {
      lines.push("", `Per angle sector (${fit.model}):`);
      for (const g of sectors) {
        const params = g.fit.converged ? g.fit.parameterNames.map((n) => `${n} = ${fmt(g.fit.parameters[n]!.value)} ± ${fmt(g.fit.parameters[n]!.stderr, 3)}`).join(", ") : `not fitted: ${g.fit.reason}`;
        lines.push(`  ${g.label.padEnd(28)} n = ${String(g.fit.n).padStart(3)}  ${params}`);
      }
    }
    if (site.length > 0) {
      lines.push("", "Per angle sector as the site fits them (each sector's best-supported model, 5+ readings):");
      for (const g of site) {
        const f = g.selected;
        lines.push(`  ${`${g.sector}`.padEnd(6)} ${f ? `${f.model.padEnd(22)} n = ${String(f.n).padStart(4)}  reduced chi-square ${fmt(f.reducedChiSquare, 3)}` : `no usable model: ${g.reason}`}`);
      }
      if ((fit.reducedChiSquare ?? 0) > 2) lines.push(`Note: the all-angles fit has reduced chi-square ${fmt(fit.reducedChiSquare, 3)}: the directions differ, and the answers of scenario, exclusion and time-to-limit use the sectors.`);
    }
    lines.push("", `At 5 ft (${fmt(BUDGET_DISTANCE_M)} m), for one occasion:`, ...budgetLines(budget));
    if (influence === null) lines.push("", `Readings that alone decide a figure: ${INFLUENCE_NOT_CHECKED}.`);
    else lines.push("", `Readings that alone decide a figure (${influence.screened} screened, ${influence.checked} refitted without them${influence.not_checked > 0 ? `, ${influence.not_checked} not refitted` : ""}):`);
    if (influence?.influential.length === 0) lines.push("  none: removing any one reading moves the 5 ft and 10 ft upper bounds by less than their uncertainty");
    for (const r of influence?.influential ?? []) {
      lines.push(`  ${r.reading_id} (${r.source}), leverage ${fmt(r.leverage, 3)}, Cook's distance ${fmt(r.cooks_distance, 3)}:`);
      for (const e of r.effects) lines.push(`    ${describeEffect(e)}`);
    }
    io.stdout(lines.join("\n"));
    return 0;
  }
};
