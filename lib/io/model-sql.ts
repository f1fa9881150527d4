// A fitted model's rate as a SQL expression of distance, written as lib/field/formulas.ts modelRate computes it (the
// air model with the build-up of lib/physics/buildup.ts), so residuals and flags over millions of readings are
// computed where the readings are. test/io/readings-sql.test.ts holds the two to the same values.
import {parameterVector} from "../models/fit.js";
import type {FitResult} from "../models/types.js";
import {GP_MAX_MFP, type AirBuildup, type GpCoefficients} from "../physics/buildup.js";
import {sqlNumber} from "./duckdb.js";

const TANH_2 = Math.tanh(-2);

/** gpBuildup(x, g) in SQL. */
function gpSql(x: string, g: GpCoefficients): string {
  const n = sqlNumber;
  const K = `(${n(g.c)} * pow(${x}, ${n(g.a)}) + (${n(g.d)} * (tanh(${x} / ${n(g.X)} - 2) - ${n(TANH_2)})) / (1 - ${n(TANH_2)}))`;
  return `(CASE WHEN NOT (${x} > 0) THEN 1 WHEN abs(${K} - 1) < 1e-9 THEN 1 + (${n(g.b)} - 1) * ${x} ELSE 1 + ((${n(g.b)} - 1) * (pow(${K}, ${x}) - 1)) / (${K} - 1) END)`;
}

/** airBuildupFactor(x, buildup) in SQL. */
function buildupSql(x: string, b: AirBuildup): string {
  const depth = `least(${x}, ${GP_MAX_MFP})`;
  if (b.weight === 0) return gpSql(depth, b.lower);
  return `exp((1 - ${sqlNumber(b.weight)}) * ln(${gpSql(depth, b.lower)}) + ${sqlNumber(b.weight)} * ln(${gpSql(depth, b.upper)}))`;
}

export function predictionSql(fit: FitResult, distance: string): string {
  const [a = NaN, b = NaN] = parameterVector(fit);
  const r = `(${distance})`;
  switch (fit.model) {
    case "inverse-square":
      return `(${sqlNumber(a)} / (${r} * ${r}))`;
    case "inverse-square-offset":
      return `(${sqlNumber(a)} / ((${r} + ${sqlNumber(b)}) * (${r} + ${sqlNumber(b)})))`;
    case "power-law":
      return `(${sqlNumber(a)} * pow(${r}, -${sqlNumber(b)}))`;
    case "inverse-square-air": {
      const x = `(${sqlNumber(fit.context.mu_per_m!)} * ${r})`;
      return `((${sqlNumber(a)} * ${buildupSql(x, fit.context.buildup!)} * exp(-${x})) / (${r} * ${r}))`;
    }
  }
}
