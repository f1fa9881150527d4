// Timing of the policy claims check on texts from the shipped policy (about 26 kB) to a health-and-safety section
// repeated hundreds of times (run with tsx). Every statement is compared with others, so this watches that the check
// stays close to linear in the text's length. Each timing is the best of three runs.
import {readFileSync} from "node:fs";
import {checkPolicy, loadEverydayDoses, loadLimits} from "../lib/compliance/index.js";

const everyday = loadEverydayDoses(readFileSync("data/everyday-doses.json", "utf8"), "data/everyday-doses.json").doses;
const limits = loadLimits(readFileSync("data/limits.json", "utf8"), "data/limits.json").limits;
const policy = readFileSync("data/policy/2021-04-11-mobile-xray-impact-and-use-policy.txt", "utf8");
const section = policy.slice(policy.indexOf("HEALTH & SAFETY REPORTING"), policy.indexOf("DISPARATE IMPACTS"));

console.log("policy check timings (best of 3 runs)");
console.log(["text", "characters", "claims", "ms"].map((s) => s.padStart(22)).join(""));
for (const [name, text] of [["shipped policy", policy], ["section × 10", `POLICY\n\n${section.repeat(10)}`], ["section × 100", `POLICY\n\n${section.repeat(100)}`], ["section × 400", `POLICY\n\n${section.repeat(400)}`]] as const) {
  let best = Infinity;
  let claims = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    claims = checkPolicy(text, {everyday, limits}).claims.length;
    best = Math.min(best, performance.now() - t0);
  }
  console.log([name, String(text.length), String(claims), best.toFixed(0)].map((s) => s.padStart(22)).join(""));
}
