import {describe, expect, it} from "vitest";
import {studentTCdf, studentTQuantile} from "../../lib/exposure/student-t.js";

describe("Student's t", () => {
  it("matches published two-sided 95 % critical values (t_0.975,ν)", () => {
    // Standard tables (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.2).
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [3, 3.182], [5, 2.571], [10, 2.228], [30, 2.042], [100, 1.984]];
    for (const [dof, t] of table) expect(studentTQuantile(0.975, dof)).toBeCloseTo(t, 3);
  });

  it("has closed forms for ν = 1 (Cauchy) and ν = 2", () => {
    for (const t of [-3, -0.5, 0, 0.7, 4]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 10);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 10);
    }
  });

  it("tends to the normal quantile 1.96 for many degrees of freedom", () => {
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3);
  });
});
