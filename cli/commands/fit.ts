// `xray-dose fit`: fit a dose-rate model to a device's readings and show how well it fits and which model the
// data support.
import {parseOptions, UsageError, type Command} from "../command.js";
import {fitByGroup, type FitResult} from "../../lib/models/index.js";
import {MODEL_SOURCE_OPTIONS, budgetJson, budgetLines, fmt, modelJson, modelLines, resolveModel} from "../model-input.js";
import {uncertaintyBudget} from "../../lib/exposure/index.js";
import {BUDGET_DISTANCE_M, fitDevice} from "../../lib/publish/device-models.js";
import {MODEL_NAMES} from "../../lib/models/index.js";
import {describeEffect} from "../../lib/publish/influence.js";
import {INFLUENCE_METHOD} from "../../lib/publish/publication.js";
import {deviceInfluence} from "../../lib/publish/reading-influence.js";

const HELP = `Usage: xray-dose fit READINGS.csv... [--model NAME] [--device ID] [--effective-energy E] [--reviews FILE] [--json]

Fits a model of net dose rate (µSv/h) against distance (m) to one device's readings by weighted least squares
(weights 1/sigma^2) and reports each parameter with its standard error, the covariance matrix, chi-square,
degrees of freedom, the reduced chi-square, normalised residuals (readings beyond 3 sigma flagged), readings
below the detection limit checked against the fit, every model ranked by AICc, the uncertainty budget of the
95% upper bound at 5 ft (fit, instruments, variation between occasions), and, when the readings state angles,
the fits per 45° sector as the site makes them (each sector's best-supported model; one curve over all angles
cannot describe a van that radiates differently in each direction).

Models: ${MODEL_NAMES.join(", ")} (default: the lowest AICc).
  --model NAME           fit this model
  --device ID            the device whose readings to fit (required when the files hold several)
  --effective-energy E   effective photon energy (default 60 keV): mu of air; converts air-kerma readings
  --reviews FILE         the RSO's reviews (reviews.csv): readings it excludes are left out of the fit and listed
  --json                 print one JSON object
See docs/methodology.md for the method and its assumptions.`;

function summary(fit: FitResult) {
  return {
    model: fit.model, n: fit.n, converged: fit.converged, reason: fit.reason, parameters: fit.parameters,
    chiSquare: fit.chiSquare, dof: fit.dof, reducedChiSquare: fit.reducedChiSquare
  };
}

export const fitCommand: Command = {
  name: "fit",
  summary: "fit a dose-rate model (inverse-square, offset, power-law, air) to readings",
  help: HELP,
  async run(args, io) {
    const {values, positionals} = parseOptions(args, {
      model: MODEL_SOURCE_OPTIONS.model, device: MODEL_SOURCE_OPTIONS.device,
      "effective-energy": MODEL_SOURCE_OPTIONS["effective-energy"], reviews: MODEL_SOURCE_OPTIONS.reviews, json: MODEL_SOURCE_OPTIONS.json
    });
    if (positionals.length === 0) throw new UsageError("give at least one readings file: xray-dose fit READINGS.csv");
    const resolved = await resolveModel({...values, readings: positionals}, io);
    const {fit} = resolved;
    const device = resolved.points.filter((p) => p.device_id === resolved.device_id);
    const groups = fitByGroup(device, fit.model, resolved.context).filter((g) => g.sector !== null);
    // As the site fits: each 45° sector's own best-supported model (the --model one when given).
    const site = values.model === undefined ? fitDevice(resolved.device_id ?? "", device, resolved.context).groups.filter((g) => g.sector !== null) : [];
    const budget = uncertaintyBudget(fit, BUDGET_DISTANCE_M, "prediction");
    // Readings that alone move the site's 5 ft or 10 ft upper bound by more than its uncertainty.
    const influence = deviceInfluence(resolved.device_id ?? "", device, resolved.context);
    const comparison = resolved.comparison!.map((c) => ({
      model: c.model, criterion: c.criterion, score: c.score, delta: c.delta, weight: c.weight, converged: c.fit.converged, reason: c.fit.reason
    }));

    if (values.json) {
      io.stdout(JSON.stringify({
        model: fit.model, n: fit.n, parameters: fit.parameters, covariance: fit.covariance, chiSquare: fit.chiSquare, dof: fit.dof,
        reducedChiSquare: fit.reducedChiSquare, residuals: fit.residuals,
        converged: fit.converged, iterations: fit.iterations, covarianceScale: fit.covarianceScale, aic: fit.aic, aicc: fit.aicc,
        censored: fit.censored, device: resolved.device_id, distanceRange: {value: fit.distanceRange_m, unit: "m"},
        effectiveEnergy: {value: resolved.effectiveEnergy_keV, unit: "keV", stated: resolved.energyStated},
        mu: {value: resolved.context.mu_per_m, unit: "1/m", source: resolved.context.mu_source},
        comparison, sectors: groups.map((g) => ({label: g.label, sector: g.sector, ...summary(g.fit)})),
        siteSectors: site.map((g) => ({sector: g.sector, selected: g.selected ? summary(g.selected) : null, reason: g.reason})),
        budget: {distance: {value: BUDGET_DISTANCE_M, unit: "m"}, ...budgetJson(budget)},
        instrumentUncertainty: fit.instrumentUncertainty, occasionScatter: fit.occasionScatter, notes: fit.notes,
        influence: {...influence, method: INFLUENCE_METHOD},
        excluded: modelJson(resolved).excluded
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
    lines.push("Residuals (observed − predicted) / sigma:");
    for (const r of fit.residuals) {
      lines.push(`  ${r.reading_id.padEnd(22)} ${fmt(r.distance_m).padStart(7)} m  observed ${fmt(r.observed).padStart(9)}  predicted ${fmt(r.predicted).padStart(9)} µSv/h  ${fmt(r.normalised, 3).padStart(7)}${r.flagged ? "  FLAGGED (beyond 3 sigma)" : ""}`);
    }
    if (fit.censored.length > 0) {
      lines.push("", `Below the detection limit (not fitted, ${fit.censored.length}):`);
      for (const c of fit.censored) {
        lines.push(`  ${c.reading_id.padEnd(22)} ${fmt(c.distance_m).padStart(7)} m  MDL ${fmt(c.mdl_rate_uSv_per_h)} µSv/h, fit predicts ${fmt(c.predicted)} µSv/h${c.consistent ? "" : "  INCONSISTENT"}`);
      }
    }
    lines.push("", "Models compared on the same readings (Akaike weight = relative support):");
    for (const c of comparison) {
      lines.push(`  ${c.model.padEnd(22)} ${c.converged ? `${c.criterion === "aicc" ? "AICc" : "AIC "} ${fmt(c.score)}  delta ${fmt(c.delta, 3)}  weight ${fmt(c.weight, 3)}` : `not fitted: ${c.reason}`}`);
    }
    if (groups.length > 0) {
      lines.push("", `Per angle sector (${fit.model}):`);
      for (const g of groups) {
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
    lines.push("", `Readings that alone decide a figure (${influence.screened} screened, ${influence.checked} refitted without them${influence.not_checked > 0 ? `, ${influence.not_checked} not refitted` : ""}):`);
    if (influence.influential.length === 0) lines.push("  none: removing any one reading moves the 5 ft and 10 ft upper bounds by less than their uncertainty");
    for (const r of influence.influential) {
      lines.push(`  ${r.reading_id} (${r.source}), leverage ${fmt(r.leverage, 3)}, Cook's distance ${fmt(r.cooks_distance, 3)}:`);
      for (const e of r.effects) lines.push(`    ${describeEffect(e)}`);
    }
    io.stdout(lines.join("\n"));
    return 0;
  }
};
