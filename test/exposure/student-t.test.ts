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

describe("Student's t quantile, against closed forms", () => {
  // ν = 1 (Cauchy): t_p = tan(π(p − ½)). ν = 2: F(t) = ½ + t / (2√(2 + t²)), so with α = 2p − 1, t_p = α·√(2 / (1 − α²)).
  const cauchy = (p: number) => Math.tan(Math.PI * (p - 0.5));
  const two = (p: number) => (2 * p - 1) * Math.sqrt(2 / (1 - (2 * p - 1) ** 2));

  it("matches them to 1e-10 relative, from the median's neighbourhood to the far tail", () => {
    for (const p of [0.55, 0.75, 0.95, 0.975, 0.999, 0.9999]) {
      expect(studentTQuantile(p, 1) / cauchy(p)).toBeCloseTo(1, 10);
      expect(studentTQuantile(p, 2) / two(p)).toBeCloseTo(1, 10);
    }
  });

  it("matches one-sided 95 % table values for small and fractional ν (t_0.95,ν: 6.314, 2.920, 2.132, 1.812)", () => {
    const table: [number, number][] = [[1, 6.314], [2, 2.92], [4, 2.132], [10, 1.812]];
    for (const [dof, t] of table) expect(studentTQuantile(0.95, dof)).toBeCloseTo(t, 3);
    // Between ν = 2 and ν = 3 the quantile lies between theirs.
    const q = studentTQuantile(0.95, 2.5);
    expect(q).toBeLessThan(2.92);
    expect(q).toBeGreaterThan(2.353);
  });

  it("the CDF is ½ at 0, symmetric, and 0 or 1 at the infinities", () => {
    for (const dof of [1, 3, 30]) {
      expect(studentTCdf(0, dof)).toBe(0.5);
      expect(studentTCdf(-1.3, dof) + studentTCdf(1.3, dof)).toBeCloseTo(1, 14);
      expect(studentTCdf(Infinity, dof)).toBe(1);
      expect(studentTCdf(-Infinity, dof)).toBe(0);
    }
  });

  it("the CDF matches the closed form for ν = 3: ½ + (θ + sinθ·cosθ)/π, θ = atan(t/√3)", () => {
    for (const t of [-4, -1, 0.25, 0.8, 2.5, 7]) {
      const theta = Math.atan(t / Math.sqrt(3));
      expect(studentTCdf(t, 3)).toBeCloseTo(0.5 + (theta + Math.sin(theta) * Math.cos(theta)) / Math.PI, 11);
    }
  });

  it("refuses p outside (½, 1) and ν that is not positive", () => {
    for (const [p, dof] of [[0.5, 3], [1, 3], [0.2, 3], [0.95, 0], [0.95, -1], [NaN, 3], [0.95, NaN]] as const) {
      expect(() => studentTQuantile(p, dof)).toThrow(/0\.5 < p < 1 and dof > 0/);
    }
  });
});
