// A fitted model's rate as a SQL expression of distance, written as lib/field/formulas.ts modelRate computes it, so
// residuals and flags over millions of readings are computed where the readings are (test/io/model-sql.test.ts holds
// the two to the same values).
import {parameterVector} from "../models/fit.js";
import type {FitResult} from "../models/types.js";
import {sqlNumber} from "./duckdb.js";

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
    case "inverse-square-air":
      return `((${sqlNumber(a)} * exp(-${sqlNumber(fit.context.mu_per_m!)} * ${r})) / (${r} * ${r}))`;
  }
}
