// The public pages hold near the 8th-grade reading level the issue aims for (Flesch–Kincaid grade, which is rough:
// the test allows up to grade 9 for the static prose of each public page).
import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {fleschKincaidGrade, proseOf, syllables} from "../../scripts/site/reading-level.js";

describe("reading level", () => {
  it("counts syllables of common words as a dictionary does", () => {
    expect(["the", "cat", "people", "syllable", "measure", "distance", "outside"].map(syllables)).toEqual([1, 1, 2, 3, 2, 2, 2]);
  });

  it("computes the Flesch–Kincaid grade by hand: 'The cat sat on the mat.' is 0.39·6 + 11.8·1 − 15.59", () => {
    expect(fleschKincaidGrade("The cat sat on the mat.").grade).toBeCloseTo(0.39 * 6 + 11.8 - 15.59, 10);
  });

  it("strips what is not prose from a page", () => {
    const page = "---\ntitle: T\n---\n\n```js\nconst x = 1;\n```\n\n# Heading\n\nSee the [glossary](./glossary) for ${pub.n} **words**.";
    expect(proseOf(page)).toBe("See the glossary for words.");
  });

  for (const page of ["src/public/index.md", "src/public/method.md", "src/public/glossary.md", "src/public/limits.md"]) {
    it(`${page} reads at about 8th grade or below`, () => {
      const {grade, words} = fleschKincaidGrade(proseOf(readFileSync(page, "utf8")));
      expect(words).toBeGreaterThan(100);
      expect(grade).toBeLessThanOrEqual(9);
    });
  }
});
