import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {certificatePoints, parseCertificate} from "../../lib/certificates/index.js";
import {fitModel} from "../../lib/models/index.js";

const FIXTURE = "test/fixtures/certificates/valid.json";
const cert = parseCertificate(readFileSync(FIXTURE, "utf8"), FIXTURE).certificate!;

describe("certificatePoints", () => {
  it("gives the H*(10) points as µSv/h fit points and leaves the air-kerma point out", () => {
    const points = certificatePoints(cert);
    expect(points).toHaveLength(2);
    expect(points[0]).toMatchObject({
      reading_id: "CAL-TEST-0001 $.reference_points[0]",
      device_id: "ZBV-TEST",
      angle_deg: 0,
      censored: false,
      mdl_rate_uSv_per_h: null,
      source: {file: FIXTURE, line: 10}
    });
    expect(points[0]!.distance_m).toBeCloseTo(1.524, 12);
    expect(points[0]!.rate_uSv_per_h).toBeCloseTo(57.6, 10);
    expect(points[0]!.sigma_uSv_per_h).toBeCloseTo(4.608, 10);
    expect(points[1]!.rate_uSv_per_h).toBeCloseTo(14.4, 12);
  });

  it("selects another dose-equivalent quantity on request", () => {
    expect(certificatePoints(cert, "Hp(10)")).toEqual([]);
  });

  it("feeds the model fitter: the policy's two points give S = 57.6 × 1.524² µSv·m²/h", () => {
    // Both points lie exactly on 133.78/r² (57.6 × 1.524² = 14.4 × 3.048²), so any weighting returns that S.
    const fit = fitModel(certificatePoints(cert), "inverse-square");
    expect(fit.converged).toBe(true);
    expect(fit.parameters.S!.value).toBeCloseTo(57.6 * 1.524 ** 2, 6);
  });
});
