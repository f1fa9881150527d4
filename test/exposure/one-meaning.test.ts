// One meaning of "95 %": the analytic bound the command line prints (lib/exposure), the field map's exclusion perimeter
// (lib/field) and the Monte Carlo (lib/simulation) give the same one-sided 95 % upper bound for the same model and
// question, the Monte Carlo within its sampling error.
import {describe, expect, it} from "vitest";
import {fitModel, type FitResult} from "../../lib/models/index.js";
import {exclusionDistance, scenarioDose, type BoundInterval} from "../../lib/exposure/index.js";
import {exclusionRadius} from "../../lib/field/index.js";
import {doseDistribution} from "../../lib/simulation/index.js";
import {fitAsField} from "../../lib/publish/device-models.js";
import {range, synthetic} from "../models/helpers.js";

const consistent = fitModel(synthetic((r) => 133.8 / r ** 2, range(1, 6, 30), 0.1, 21, 0.8), "inverse-square");
// Eight readings scattered at three times their stated σ: the covariance is widened (ν = 7) and τ > 0.
const scattered = fitModel(synthetic((r) => 133.8 / r ** 2, range(1, 6, 8), 0.05, 5, 3), "inverse-square");

function check(name: string, fit: FitResult, interval: BoundInterval, tolerance: number) {
  describe(`${name}, ${interval} interval`, () => {
    const field = fitAsField(fit);
    const question = {distance_m: 2, duration_s: 3600};

    it("the scenario's upper bound is the Monte Carlo's 95th percentile", () => {
      const analytic = scenarioDose(fit, question, {interval}).upper95_uSv;
      const mc = doseDistribution(field, {...question, interval}, 200_000, 3).percentiles.p95;
      expect(Math.abs(mc / analytic - 1)).toBeLessThan(tolerance);
    });

    it("the exclusion distance is the field map's 95th-percentile radius", () => {
      const limit = {limit_uSv: 20, period_s: 3600};
      const analytic = exclusionDistance(fit, limit, {interval}).distance_m!;
      const map = exclusionRadius(field, {...limit, interval}, [0.95], 200_000, 5).quantiles[0]!.radius_m;
      // The radius goes as √(rate): half the relative tolerance on the dose.
      expect(Math.abs(map / analytic - 1)).toBeLessThan(tolerance / 2);
    });
  });
}

// Stated σ only (z = 1.645, all parts normal): the same number up to the sampling error of a 95th percentile of
// 2·10⁵ draws (about 0.3 %).
expect(consistent.covarianceScale).toBe(1);
check("consistent readings", consistent, "confidence", 0.01);
// Widened covariance: the Monte Carlo draws Student's t for the fit and a normal for the instruments, the analytic
// bound uses t(ν_eff) by Welch–Satterthwaite, an approximation of that sum; they agree to a few per cent.
expect(scattered.covarianceScale).toBeGreaterThan(1);
check("scattered readings", scattered, "confidence", 0.03);
check("scattered readings", scattered, "prediction", 0.03);
