// The council briefing prints to exactly one page of A4 and of US Letter (npm run briefing:pdf on the built site).
import {describe, expect, it} from "vitest";
import {spawnSync} from "node:child_process";
import {statSync} from "node:fs";

describe("council briefing PDF", () => {
  it("renders one page in A4 and in US Letter", () => {
    const run = spawnSync("npx", ["tsx", "scripts/briefing-pdf.ts", "dist"], {encoding: "utf8"});
    expect(run.stderr).not.toMatch(/must fit one/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/briefing-a4\.pdf \(1 page\)/);
    expect(run.stdout).toMatch(/briefing-letter\.pdf \(1 page\)/);
    for (const file of ["dist/council/briefing-a4.pdf", "dist/council/briefing-letter.pdf"]) expect(statSync(file).size).toBeGreaterThan(10_000);
  });
});
