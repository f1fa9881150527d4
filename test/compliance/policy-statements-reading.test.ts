// Which sentences of a policy's health-and-safety section the reader takes for statements, and what it reads from
// them, on short hand-written sentences: the relation of the figures (between, at most, at least, about, exactly),
// the distance and duration they hold for, a figure per scan, comparisons in words and whose dose they are about,
// phrases naming standards, and every number it keeps as not read with the reason.
import {describe, expect, it} from "vitest";
import {extractStatements, isQuantitative, type PolicyStatement} from "../../lib/compliance/policy-statements.js";

const statements = (...sentences: string[]) => extractStatements(`SAFETY\n\n${sentences.join(" ")}\n`).statements;

/** One line per statement: what kind, how the figures are bounded, where and for how long. */
function brief(s: PolicyStatement): string {
  switch (s.kind) {
    case "dose":
      return `dose ${s.relation} ${s.figures.map((f) => f.text).join(" & ")} at ${s.distance?.text ?? "-"} for ${s.duration?.text ?? "-"}${s.perScan ? " per scan" : ""}`;
    case "rate":
      return `rate ${s.relation} ${s.figures.map((f) => f.text).join(" & ")} at ${s.distance?.text ?? "-"}`;
    case "comparison":
      return `comparison ${s.subject.kind}${s.subject.kind === "distance" ? ` ${s.subject.distance.text}` : ""} ${s.relation} "${s.relationText}" → "${s.referent.text}"`;
    case "phrase":
      return `phrase ${s.phrase} [${s.bodies.join(", ")}] [${s.documents.join(", ")}] ${s.word ?? "-"}`;
    case "unread":
      return `unread ${s.items.map((i) => `"${i.text}": ${i.reason}`).join(" | ")}`;
  }
}
const read = (...sentences: string[]) => statements(...sentences).map(brief);

describe("how a figure is stated", () => {
  it("reads at most, at least, about and exactly from the words just before the figure", () => {
    const cases: [string, string][] = [
      ["does not exceed", "at-most"], ["do not exceed", "at-most"], ["will  not exceed", "at-most"], ["shall not  exceed", "at-most"],
      ["would not exceed", "at-most"], ["can not exceed", "at-most"], ["should not exceed", "at-most"], ["never exceeds", "at-most"],
      ["never exceed", "at-most"], ["is not to exceed", "at-most"], ["is no more than", "at-most"], ["is not greater than", "at-most"],
      ["is no higher than", "at-most"], ["is less than", "at-most"], ["is lower than", "at-most"], ["is smaller than", "at-most"],
      ["is below", "at-most"], ["is under", "at-most"], ["is up to", "at-most"], ["is at most", "at-most"], ["is a maximum of", "at-most"],
      ["is maximum", "at-most"], ["has a maximum", "at-most"], ["is maximum of", "at-most"], ["is within", "at-most"], ["is <", "at-most"], ["is ≤", "at-most"],
      ["is <=", "at-most"],
      ["is at least", "at-least"], ["is more than", "at-least"], ["is greater than", "at-least"], ["is higher than", "at-least"],
      ["is above", "at-least"], ["is over", "at-least"], ["exceeds", "at-least"], ["can exceed", "at-least"], ["is a minimum of", "at-least"],
      ["is minimum", "at-least"], ["is minimum of", "at-least"], ["is >", "at-least"], ["is ≥", "at-least"], ["is >=", "at-least"],
      ["is about", "about"], ["is approximately", "about"], ["is approx.", "about"], ["is around", "about"], ["is roughly", "about"],
      ["is nearly", "about"], ["is some", "about"], ["is ~", "about"], ["is ≈", "about"],
      ["is", "equals"], ["under test is", "equals"], ["over the year is", "equals"], ["about the van is", "equals"],
      // A relation's words start a word: the end of a longer word is not one.
      ["is moreover", "equals"], ["is thereabout", "equals"], ["is thunder", "equals"], ["is handsome", "equals"], ["is parabove", "equals"],
      ["is x<", "at-most"], ["is x>", "at-least"], ["is x~", "about"], ["is (about", "about"], ["is -over", "at-least"]
    ];
    for (const [words, relation] of cases) {
      // Once as written, once with every space doubled (line breaks and double spaces are common in policy texts).
      for (const sentence of [`The dose ${words} 0.5 mrem.`, `The dose ${words.replace(/ /g, "  ")}  0.5 mrem.`]) {
        const dose = statements(sentence).find((s) => s.kind === "dose");
        expect(dose?.kind === "dose" ? dose.relation : null, sentence).toBe(relation);
      }
    }
  });

  it("reads the words before the figure from the end of the number before it, not from the start of the sentence", () => {
    expect(read("At most 5 ft away, the dose is 0.5 mrem.")).toEqual(["dose equals 0.5 mrem at 5 ft for -"]);
    expect(read("Less than 0.5 mrem at 5 ft.")).toEqual(["dose at-most 0.5 mrem at 5 ft for -"]);
  });

  it("reads two figures as a range only after between or from, or a number sharing the unit, joined by and, to, through or a dash", () => {
    expect(read("The dose is between 0.009 and 0.016 mrem.")).toEqual(["dose between 0.009 & 0.016 mrem at - for -"]);
    expect(read("The dose is between 0.009 mrem and 0.016 mrem.")).toEqual(["dose between 0.009 mrem & 0.016 mrem at - for -"]);
    expect(read("The dose is from 0.009 mrem to 0.016 mrem.")).toEqual(["dose between 0.009 mrem & 0.016 mrem at - for -"]);
    expect(read("The dose is From 0.009 mrem through 0.016 mrem.")).toEqual(["dose between 0.009 mrem & 0.016 mrem at - for -"]);
    expect(read("The dose is 0.009–0.016 mrem.")).toEqual(["dose between 0.009 & 0.016 mrem at - for -"]);
    expect(read("The dose is BETWEEN 0.016 mrem (or 16 µrem) and 0.009 mrem (or 9 µrem).")).toEqual(["dose between 0.016 mrem & 0.009 mrem at - for -"]);
    expect(read("The dose is between  0.016 mrem (or 16 µrem  ) and 0.009 mrem.")).toEqual(["dose between 0.016 mrem & 0.009 mrem at - for -"]);
    expect(read("The dose is from  0.016 mrem to 0.009 mrem.")).toEqual(["dose between 0.016 mrem & 0.009 mrem at - for -"]);
    expect(read("The dose is between 0.016 mrem (or 16 µrem) — 0.009 mrem.")).toEqual(["dose between 0.016 mrem & 0.009 mrem at - for -"]);
    // Three figures are never a range, even when two of them are written as one.
    expect(read("The dose is between 0.009 mrem and 0.016 mrem or 0.02 mrem.")[0]).toMatch(/^unread "0.009 mrem": one of 3 figures whose relation/);
    const notRange = 'unread "0.009 mrem": one of 2 figures whose relation ("between … and …") is not recognised | "0.016 mrem": one of 2 figures whose relation ("between … and …") is not recognised';
    expect(read("The dose is 0.009 mrem and 0.016 mrem.")).toEqual([notRange]);
    expect(read("The dose is between 0.009 mrem or 0.016 mrem.")).toEqual([notRange]);
    expect(read("The dose is between 0.009 mrem and then 0.016 mrem.")).toEqual([notRange]);
    expect(read("The dose is from 0.009 mrem, to 0.016 mrem.")).toEqual([notRange]);
    expect(read("The dose is betweenness 0.009 mrem and 0.016 mrem.")).toEqual([notRange]);
    expect(read("The dose from the van is 0.009 mrem and 0.016 mrem.")).toEqual([notRange]);
    expect(read("The dose is between 0.009 mrem and) 0.016 mrem.")).toEqual([notRange]);
    expect(read("The dose is 0.001 mrem, 0.009 mrem and 0.016 mrem.")).toEqual([
      'unread "0.001 mrem": one of 3 figures whose relation ("between … and …") is not recognised | "0.009 mrem": one of 3 figures whose relation ("between … and …") is not recognised | "0.016 mrem": one of 3 figures whose relation ("between … and …") is not recognised'
    ]);
  });
});

describe("where and for how long", () => {
  it("gives a dose its one distance and one duration, and a rate its distance only", () => {
    const [rate] = statements("The rate at 2 m during a 30 second scan is 0.5 mR/h.");
    expect(rate?.kind).toBe("rate");
    expect(Object.keys(rate!).sort()).toEqual(["distance", "figures", "kind", "relation", "sentence"]);
    expect(read("The dose at 5 ft for 10 seconds is 0.016 mrem.")).toEqual(["dose equals 0.016 mrem at 5 ft for 10 seconds"]);
    expect(read("At 5 ft the dose in 10 s is 0.016 mrem, a rate of 5.76 mrem per hour.")).toEqual(["dose equals 0.016 mrem at 5 ft for 10 s", "rate equals 5.76 mrem per hour at 5 ft"]);
    expect(read("The rate at 2 m during a 30 second scan is 0.5 mrem/h.")).toEqual([
      "rate equals 0.5 mrem/h at 2 m",
      'unread "30 second": a duration with no dose or dose rate it applies to'
    ]);
  });

  it("reads no statement when a sentence gives two distances or two durations, and says so for each figure", () => {
    expect(read("The dose at 5 ft is 0.016 mrem and at 10 ft 0.004 mrem.")).toEqual([
      'unread "5 ft": one of 2 distances in one sentence: which figure holds where is not recognised | "0.016 mrem": one of 2 distances in one sentence: which figure holds where is not recognised | "10 ft": one of 2 distances in one sentence: which figure holds where is not recognised | "0.004 mrem": one of 2 distances in one sentence: which figure holds where is not recognised'
    ]);
    expect(read("The dose in 10 s is 0.016 mrem and in 20 s 0.032 mrem.")[0]).toMatch(/^unread "10 s": one of 2 durations in one sentence/);
    expect(read("The rate is 0.5 mrem/h at 5 ft and 10 ft.")[0]).toMatch(/^unread "0.5 mrem\/h": one of 2 distances/);
    // Two durations and one distance: the reason names the durations.
    expect(read("At 5 ft the dose in 10 s is 0.016 mrem.", "At 5 ft the dose in 10 s is 0.016 mrem and in 20 s 0.032 mrem.")[1]).toMatch(/^unread "5 ft": one of 2 durations in one sentence/);
    // A number already set aside for its own reason keeps that reason only.
    expect(read("The dose at 5 ft is 0.016 mrem and at 10 ft 1 mrem per year.")).toEqual([
      'unread "5 ft": one of 2 distances in one sentence: which figure holds where is not recognised | "0.016 mrem": one of 2 distances in one sentence: which figure holds where is not recognised | "10 ft": one of 2 distances in one sentence: which figure holds where is not recognised | "1 mrem per year": a dose per year, averaged over time: the check compares doses for stated durations and hourly rates only'
    ]);
    expect(read("The dose at 5 ft is 0.016 mrem and at 10 ft 0.004 mrem, comparable to 2 minutes of flying.")[0]).toMatch(/\| "2 minutes": part of a comparison in numbers, which the check does not read$/);
  });

  it("keeps a distance or duration with no figure as not read", () => {
    expect(read("Stay 10 ft away.")).toEqual(['unread "10 ft": a distance with no dose or dose rate it applies to']);
    expect(read("Stay 5 ft from the van and 10 ft from the road.")).toEqual([
      'unread "5 ft": a distance with no dose or dose rate it applies to | "10 ft": a distance with no dose or dose rate it applies to'
    ]);
    expect(read("A scan takes 10 seconds.")).toEqual(['unread "10 seconds": a duration with no dose or dose rate it applies to']);
  });

  it("marks a figure without a duration as per scan when the sentence says so", () => {
    for (const words of ["per scan", "per  screening", "per inspection", "per pass", "for each scan", "each screening", "each inspection", "in a scan", "in one screening", "in a single scan",
      "to a person directly scanned", "to those directly scanned", "to people scanned", "to an individual being scanned", "to the driver who is directly scanned", "to a person directly screened", "to passengers who are screened", "to an occupant", "to occupants"]) {
      expect(read(`The dose ${words} is 0.01 mrem.`), words).toEqual(["dose equals 0.01 mrem at - for - per scan"]);
      expect(read(`The dose ${words.replace(/ /g, "  ")} is 0.01 mrem.`), words).toEqual(["dose equals 0.01 mrem at - for - per scan"]);
    }
    for (const words of ["per scans", "at the scanner", "in the scanned area", "to a personnel", "per scan time"]) {
      expect(read(`The dose ${words} is 0.01 mrem.`), words).toEqual([`dose equals 0.01 mrem at - for -${words === "per scan time" ? " per scan" : ""}`]);
    }
    expect(read("The dose per scan of 10 s is 0.01 mrem.")).toEqual(["dose equals 0.01 mrem at - for 10 s"]);
  });
});

describe("numbers it keeps as not read", () => {
  it("keeps a dose per day, week, month or year as averaged over time", () => {
    expect(read("The public limit is 100 mrem per year.")).toEqual([
      'unread "100 mrem per year": a dose per year, averaged over time: the check compares doses for stated durations and hourly rates only'
    ]);
    for (const per of ["day", "week", "month"]) expect(read(`Background is 1 mrem per ${per}.`)[0]).toMatch(new RegExp(`^unread "1 mrem per ${per}": a dose per ${per}, averaged`));
    expect(read("The rate is 1 mrem per minute.")).toEqual(["rate equals 1 mrem per minute at -"]);
  });

  it("keeps an absorbed dose or air kerma as not compared", () => {
    const why = "an absorbed dose or air kerma (Gy): turning it into a dose equivalent needs the beam's energy, so it is not compared";
    expect(read("The air kerma is 5 µGy.")).toEqual([`unread "5 µGy": ${why}`]);
    expect(read("The air kerma rate is 5 µGy/h.")).toEqual([`unread "5 µGy/h": ${why}`]);
  });

  it("keeps the distances and durations of a comparison in numbers apart from the statement, in order", () => {
    expect(read("The dose at 5 ft is 0.016 mrem, comparable to 2 minutes of flying.")).toEqual([
      "dose equals 0.016 mrem at 5 ft for -",
      'unread "2 minutes": part of a comparison in numbers, which the check does not read'
    ]);
    expect(read("The dose is 0.016 mrem, less than 3 feet of air and 2 minutes of flying.")).toEqual([
      "dose equals 0.016 mrem at - for -",
      'unread "3 feet": part of a comparison in numbers, which the check does not read | "2 minutes": part of a comparison in numbers, which the check does not read'
    ]);
    // A comparison with a dose or a rate in numbers is a figure, not a comparison in numbers.
    expect(read("At 5 ft it is 0.016 mrem in 10 s, less than 0.5 mrem per hour.")).toEqual(["dose equals 0.016 mrem at 5 ft for 10 s", "rate at-most 0.5 mrem per hour at 5 ft"]);
    expect(read("In 10 s it is similar to 0.016 mrem.")).toEqual(["dose equals 0.016 mrem at - for 10 s"]);
    // … and the distance or duration after such a figure is the figure's own.
    expect(read("It is less than 0.016 mrem in 10 s.")).toEqual(["dose at-most 0.016 mrem at - for 10 s"]);
    expect(read("It is less than 0.5 mR in 10 s.")).toEqual(["dose at-most 0.5 mR at - for 10 s"]);
    expect(read("It is less than 0.5 mrem/h at 5 ft.")).toEqual(["rate at-most 0.5 mrem/h at 5 ft"]);
    // A dose after a comparison in numbers is the statement's figure, not part of the comparison.
    expect(read("It is comparable to 2 minutes of flying: 0.016 mrem.")).toEqual([
      "dose equals 0.016 mrem at - for -",
      'unread "2 minutes": part of a comparison in numbers, which the check does not read'
    ]);
  });

  it("keeps units it does not read, restated ones included, with the sentence's figures", () => {
    expect(read("The dose is 0.2 mrem (2 mrad) at 125 kVp.")).toEqual([
      "dose equals 0.2 mrem at - for -",
      'unread "2 mrad": the rad (absorbed dose) is not a unit the product converts (a figure in rem or Sv would be) | "125 kVp": an X-ray tube voltage or photon energy, which the check does not compare'
    ]);
  });
});

describe("comparisons in words", () => {
  it("reads whose dose, the relation and the referent, one comparison per alternative", () => {
    expect(read("The dose to a person directly scanned is similar to the exposure received during a short plane flight.")).toEqual([
      'comparison direct-scan similar "similar to" → "the exposure received during a short plane flight"'
    ]);
    expect(read("The radiation level is no more than the natural background.")).toEqual(['comparison level at-most "no more than" → "the natural background"']);
    expect(read("The rate is lower than background.")).toEqual(['comparison level at-most "lower than" → "background"']);
    expect(read("The radiation emitted is well below background.")).toEqual(['comparison level at-most "well below" → "background"']);
    expect(read("The dose at 5 ft is much less than a dental X-ray.")).toEqual(['comparison distance 5 ft at-most "much less than" → "a dental X-ray"']);
    expect(read("It is far below background.")).toEqual(['comparison unstated at-most "far below" → "background"']);
    const both = statements("It is comparable to a short plane flight, or a day in the mountains!");
    expect(both.map(brief)).toEqual([
      'comparison unstated similar "comparable to" → "a short plane flight"',
      'comparison unstated similar "comparable to" → "a day in the mountains"'
    ]);
    expect(both.map((s) => (s.kind === "comparison" ? s.quote.text : null))).toEqual([
      "It is comparable to a short plane flight",
      "It is comparable to a short plane flight, or a day in the mountains!"
    ]);
  });

  it("reads each relation in words as similar or at most", () => {
    const cases: [string, "similar" | "at-most"][] = [
      ["is similar to", "similar"], ["is comparable to", "similar"], ["is equivalent to", "similar"], ["is the same as", "similar"],
      ["is about the same as", "similar"], ["is roughly the same as", "similar"], ["is approximately the same as", "similar"], ["is akin to", "similar"],
      ["is not more than", "at-most"], ["is no greater than", "at-most"], ["is not higher than", "at-most"], ["is less than", "at-most"],
      ["is far lower than", "at-most"], ["is smaller than", "at-most"], ["is below", "at-most"], ["is a fraction of", "at-most"], ["is a small fraction of", "at-most"],
      ["is SIMILAR TO", "similar"]
    ];
    for (const [words, relation] of cases) {
      const [s] = statements(`It ${words} a plane flight.`);
      expect(s?.kind === "comparison" ? [s.relation, s.relationText, s.referent.text] : null, words).toEqual([relation, words.slice(3), "a plane flight"]);
      const [spaced] = statements(`It ${words}  a plane flight.`);
      expect(spaced?.kind === "comparison" ? [spaced.relation, spaced.referent.text] : null, words).toEqual([relation, "a plane flight"]);
      // Inside the relation too: doubled spaces, and a line break where a paragraph was wrapped. Its text is given
      // with single spaces.
      for (const gap of ["  ", "\n", " \n  "]) {
        const [wrapped] = statements(`It ${words.replace(/ /g, gap)} a plane flight.`);
        expect(wrapped?.kind === "comparison" ? [wrapped.relation, wrapped.relationText, wrapped.referent.text] : null, JSON.stringify(gap) + words).toEqual([relation, words.slice(3), "a plane flight"]);
      }
    }
  });

  it("reads no comparison when a number follows, nothing follows, or the words are part of another word", () => {
    expect(read("It is similar to ten dental X-rays.")).toEqual([]);
    expect(read("It is similar to 3 flights.")).toEqual([]);
    expect(read("It is dissimilar to a flight.")).toEqual([]);
    expect(read("It is similar to a flight, about twice a year.")).toEqual(['comparison unstated similar "similar to" → "a flight, about twice a year"']);
    expect(read("It is similar to a flight; 3 a year.")).toEqual(['comparison unstated similar "similar to" → "a flight; 3 a year"']);
  });

  it("takes number words only as whole words, in any case, and no comparison with nothing after the relation", () => {
    expect(read("It is similar to an often-taken flight.")).toEqual(['comparison unstated similar "similar to" → "an often-taken flight"']);
    expect(read("It is similar to Ten flights.")).toEqual([]);
    expect(read("It is similar to one flight.")).toEqual([]);
    expect(read("It is similar to a thousand flights.")).toEqual([]);
    expect(read("It is similar to .")).toEqual([]);
  });

  it("splits the referent at 'or' between words only", () => {
    expect(read("It is similar to a flight or a day in the mountains.")).toEqual([
      'comparison unstated similar "similar to" → "a flight"',
      'comparison unstated similar "similar to" → "a day in the mountains"'
    ]);
    // Every space around the "or" belongs to neither referent.
    for (const sentence of ["It is similar to a flight  or a day.", "It is similar to a flight or  a day.", "It is similar to a flight,  or  a day."]) {
      expect(read(sentence), sentence).toEqual(['comparison unstated similar "similar to" → "a flight"', 'comparison unstated similar "similar to" → "a day"']);
    }
    expect(read("It is similar to a flight in orbit.")).toEqual(['comparison unstated similar "similar to" → "a flight in orbit"']);
  });

  it("takes a dose per scan before a distance as the subject, and the level or rate of radiation as a level", () => {
    expect(read("The dose at 5 ft to a person directly scanned is similar to a flight.")).toEqual([
      'comparison direct-scan similar "similar to" → "a flight"',
      'unread "5 ft": a distance with no dose or dose rate it applies to'
    ]);
    for (const words of ["radiation levels", "dose rates", "radiation used", "radiation produced", "Radiation Emitted"]) {
      expect(read(`The ${words} are similar to a flight.`)[0], words).toBe('comparison level similar "similar to" → "a flight"');
      expect(read(`The ${words.replace(/ /g, "  ")} are similar to a flight.`)[0], words).toBe('comparison level similar "similar to" → "a flight"');
    }
    for (const words of ["elevated dose", "radiation itself", "pirates"]) {
      expect(read(`The ${words} are similar to a flight.`)[0], words).toBe('comparison unstated similar "similar to" → "a flight"');
    }
  });

  it("ends the referent before the sentence's closing stop and quotes only, not at a stop inside it", () => {
    // A second sentence follows each: a line ending in a quote or a parenthesis alone would be read as a heading.
    expect(read('It is similar to a flight, e.g. a "short hop."', "Stand back.")).toEqual(['comparison unstated similar "similar to" → "a flight, e.g. a \"short hop"']);
    expect(read("It is similar to a flight, e.g. a hop!)", "Stand back.")).toEqual(['comparison unstated similar "similar to" → "a flight, e.g. a hop"']);
  });

  it("reads whose dose from the comparison's own sentence, before the relation only", () => {
    expect(read("The dose per scan is 0.01 mrem.", "It is similar to a flight.")).toEqual(["dose equals 0.01 mrem at - for - per scan", 'comparison unstated similar "similar to" → "a flight"']);
    expect(read("The radiation level is 5 mrem/h.", "It is similar to a flight.")).toEqual(["rate equals 5 mrem/h at -", 'comparison unstated similar "similar to" → "a flight"']);
    expect(read("It is similar to a flight per scan.")).toEqual(['comparison unstated similar "similar to" → "a flight per scan"']);
  });

  it("reads one relation per sentence: a second is part of the first one's referent", () => {
    expect(read("It is similar to a flight and less than a dental X-ray.")).toEqual(['comparison unstated similar "similar to" → "a flight and less than a dental X-ray"']);
  });

  it("keeps a distance after the relation out of the subject", () => {
    expect(read("It is less than a flight; stand 5 ft away.")).toEqual(['comparison unstated at-most "less than" → "a flight; stand 5 ft away"', 'unread "5 ft": a distance with no dose or dose rate it applies to']);
  });
});

describe("phrases", () => {
  it("reads a risk called trivial by a named body, that body only, and the word", () => {
    expect(read("The risk is considered Trivial by the ICRP, as ANSI standards say.")).toEqual(["phrase trivial [ICRP] [] trivial"]);
    expect(read("Such doses are negligible according to NCRP Report No. 160.")).toEqual(["phrase trivial [NCRP] [Report No. 160] negligible"]);
    expect(read("It is insignificant under the NRC rules.")).toEqual(["phrase trivial [NRC] [] insignificant"]);
    expect(read("It is de minimis by EPA.")).toEqual(["phrase trivial [EPA] [] de minimis"]);
    expect(read(`It is trivial ${"x".repeat(200)} by the ICRP.`)).toEqual([]);
    expect(read("It is trivially small by the ICRP.")).toEqual([]);
  });

  it("names documents of each form once", () => {
    expect(read("It is measured under ANSI N43.17, NCRP Report 147, ICRP Commentary 5, IEC 62463 and ANSI N43.17.")).toEqual(["phrase standards-named [ANSI, NCRP, ICRP, IEC] [N43.17, Report 147, Commentary 5, IEC 62463] -"]);
    expect(read("It is measured under NRC rules, 10  CFR  20 and Directive 96/29 or  Directive  2013/59.")).toEqual(["phrase standards-named [NRC] [10  CFR  20, Directive 96/29, Directive  2013/59] -"]);
    expect(read("It is measured under FDA rules, XN43.17 and Publication No.103.")).toEqual(["phrase standards-named [FDA] [Publication No.103] -"]);
    expect(read("It is measured under NCRP  Report  No.  160, IEC  62463-1 and Commentary  5.")).toEqual(["phrase standards-named [NCRP, IEC] [Report  No.  160, IEC  62463-1, Commentary  5] -"]);
    expect(read("It is measured under IEC 60601-2-54.")).toEqual(["phrase standards-named [IEC] [IEC 60601-2-54] -"]);
  });

  it("reads measurement or compliance under the standards of named bodies, with every body and document named", () => {
    expect(read("Readings are measured according to ANSI/HPS N43.17-2009 and IEC 62463-1.")).toEqual(["phrase standards-named [ANSI, HPS, IEC] [N43.17-2009, IEC 62463-1] -"]);
    expect(read("Limits follow ICRP Publication 103, Directive 2013/59 and 10 CFR 20.1301 guidelines.")).toEqual(["phrase standards-named [ICRP] [Publication 103, Directive 2013/59, 10 CFR 20.1301] -"]);
    expect(read("The van complies with 2013/59/Euratom.")).toEqual(["phrase standards-named [Euratom] [2013/59/Euratom] -"]);
    // Directives before 2000 number their year with two digits; a number of three digits is no year.
    expect(read("The van complies with 96/29/Euratom.")).toEqual(["phrase standards-named [Euratom] [96/29/Euratom] -"]);
    expect(read("The van complies with Council Directive 96/29/Euratom.")).toEqual(["phrase standards-named [Euratom] [Directive 96/29] -"]);
    expect(read("The van complies with 996/29/Euratom.")).toEqual(["phrase standards-named [Euratom] [] -"]);
    for (const word of ["standard", "guideline", "procedures", "compliance", "comply", "in accordance", "conforming"]) {
      expect(read(`It follows the ${word} of the FDA, the CDRH and the FDA.`)[0], word).toBe("phrase standards-named [FDA, CDRH] [] -");
    }
    expect(read("The FDA approved the van.")).toEqual([]);
    expect(read("Standards are kept by the ansi office.")).toEqual([]);
    expect(read("It meets the standards of ANSIX.")).toEqual([]);
  });

  it("reads compliance written at the start of a sentence", () => {
    expect(read("Compliance with ANSI N43.17 and IEC 62463 is verified yearly.")).toEqual(["phrase standards-named [ANSI, IEC] [N43.17, IEC 62463] -"]);
    expect(read("Measured values follow ICRP.")).toEqual(["phrase standards-named [ICRP] [] -"]);
  });

  it("counts a phrase naming standards as not quantitative, and every other statement as quantitative", () => {
    const kinds = statements("It is trivial by the ICRP.", "The dose is 5 mrem.", "The rate is 5 mrem/h.", "It is similar to a flight.", "Keep 5 ft away.").map((s) => [s.kind, isQuantitative(s)]);
    expect(kinds).toEqual([["phrase", false], ["dose", true], ["rate", true], ["comparison", true], ["unread", true]]);
  });
});

describe("sections and the centre distances are measured from", () => {
  it("reads only the health-and-safety sections, and names them", () => {
    const text = "PURPOSE\n\nThe dose is 5 mrem.\n\nRADIATION SAFETY\n\nThe dose is 1 mrem.\n\nHEALTH\n\nThe dose is 2 mrem.\n";
    const r = extractStatements(text);
    expect(r.sections).toEqual(["RADIATION SAFETY", "HEALTH"]);
    expect(r.statements.map(brief)).toEqual(["dose equals 1 mrem at - for -", "dose equals 2 mrem at - for -"]);
  });

  it("finds where distances are measured from, in the health-and-safety section first, from its first distance", () => {
    const centre = (text: string) => extractStatements(text).centre?.text ?? null;
    expect(centre("CHANGES\n\nReadings were taken five (5) and ten (10) feet away from the center of the device.\n")).toBe("five (5) and ten (10) feet away from the center of the device");
    expect(centre("CHANGES\n\nDistances are from the CENTRE OF THE x-ray-van today.\n")).toBe("Distances are from the CENTRE OF THE x-ray-van");
    expect(centre("CHANGES\n\nIt is 5 ft from the centre of the van.\n\nSAFETY\n\nAll distances are from the centre of the truck.\n")).toBe("All distances are from the centre of the truck");
    expect(centre("CHANGES\n\nFrom the centre of the van, 5 ft.\n")).toBe("From the centre of the van");
    expect(centre("CHANGES\n\nThe centre is 5 ft from the van.\n")).toBeNull();
    expect(centre("CHANGES\n\nDistances are from the centre  of the  van.\n")).toBe("Distances are from the centre  of the  van");
    expect(centre("CHANGES\n\nIn 10 s, 5 mrem at 10 ft from the centre of the van.\n")).toBe("10 ft from the centre of the van");
  });
});
