// The radiation level (a comparison without a period) against an everyday dose per day or per hour, as the
// explanation words it: every level the policy states, the rate of an everyday figure per hour, a dose put in minutes
// of beam-on time at each place. Expected sentences are written from the rule, with the arithmetic worked by hand.
import {describe, expect, it} from "vitest";
import {background, claimOf, cruise, entry} from "./policy-comparisons-fixtures.js";

// Background 8 to 10 µSv a day is 8/24 = 0.333 to 10/24 = 0.417 µSv/h.
const BACKGROUND = "the natural background rate of 0.333 to 0.417 µSv/h (8 to 10 µSv a day; source natural-background-day, grade B)";

describe("the levels a policy states", () => {
  it("names a rate stated without a distance as the policy's rate, and an exact rate as 'up to' it", () => {
    // At most 0.5 µSv/h anywhere (0 to 0.5) and 0.2 µSv/h at 2 m: the highest level is above 0.417 and the lowest
    // below it, so "no more than background" is open. 0.5 ÷ 0.417 = 1.2, 0.5 ÷ 0.333 = 1.5.
    const c = claimOf("The dose rate is at most 0.5 uSv/h. The dose rate at 2 m is 0.2 uSv/h. The radiation level is no more than natural background.", [background()]);
    expect(c.verdict).toBe("unsupported");
    expect(c.explanation).toBe(
      "The statement gives no period, and as a level the policy's own figures allow values on both sides of it. " +
        `The policy's stated rate is 0.5 µSv/h, 1.2 to 1.5 times ${BACKGROUND}; the stated dose rate at 2 m is up to 0.2 µSv/h.`
    );
    expect(c.numbers).toEqual({rate_anywhere_uSv_per_h: 0.5, rate_2m_uSv_per_h: 0.2, background_low_uSv_per_h: 0.333, background_high_uSv_per_h: 0.417});
    // Below the highest level, a rate without a distance is named without a place too.
    const second = claimOf("The dose rate at 1 m is at most 0.5 uSv/h. The dose rate is at most 0.2 uSv/h. The radiation level is no more than natural background.", [background()]);
    expect(second.explanation).toMatch(/^The statement gives no period, .*\. The policy's stated rate at 1 m is 0\.5 µSv\/h, .*; the stated dose rate is at most 0\.2 µSv\/h\.$/);
  });

  it("takes no level from a dose without a distance or without a duration", () => {
    const c = claimOf("The dose for 10 seconds is 1 uSv. The dose at 2 m is 1 uSv. The radiation level is no more than natural background.", [background()]);
    expect(c).toMatchObject({verdict: "unsupported", numbers: {}});
    expect(c.explanation).toBe("The policy states no dose for a duration and no dose rate, so its level cannot be compared.");
  });

  it("names at most four levels after the highest, and gives every level in its numbers", () => {
    const body = [0.6, 0.5, 0.4, 0.3, 0.2, 0.1].map((r, i) => `The dose rate at ${i + 1} m is at most ${r} uSv/h.`).join(" ");
    const c = claimOf(`${body} The radiation level is no more than natural background.`, [background()]);
    expect(c.explanation).toMatch(
      /; the stated dose rate at 2 m is at most 0\.5 µSv\/h; the stated dose rate at 3 m is at most 0\.4 µSv\/h; the stated dose rate at 4 m is at most 0\.3 µSv\/h; the stated dose rate at 5 m is at most 0\.2 µSv\/h\.$/
    );
    expect(c.explanation).not.toMatch(/6 m/);
    expect(c.numbers).toMatchObject({rate_1m_uSv_per_h: 0.6, rate_5m_uSv_per_h: 0.2, rate_6m_uSv_per_h: 0.1});
  });
});

describe("a dose over its duration as a level", () => {
  it("puts the everyday figure in minutes of beam-on time at each stated place", () => {
    // 0.002 µSv per 10 s at 5 ft is 0.72 µSv/h, 0.001 µSv at 10 ft 0.36 µSv/h. Both lowest values are above 0.417.
    // A day's 8 to 10 µSv: 8 ÷ 0.72 × 60 = 667 to 833 minutes at 5 ft, 8 ÷ 0.36 × 60 = 1333 to 1667 at 10 ft.
    const c = claimOf("The dose at 5 ft for 10 seconds is 0.002 uSv. The dose at 10 ft for 10 seconds is 0.001 uSv. The radiation level is no more than natural background.", [background()]);
    expect(c.verdict).toBe("inconsistent");
    expect(c.explanation).toBe(
      "The statement gives no period, and the policy's own figures contradict it as a level. " +
        `0.002 uSv (0.002 µSv) in 10 s at 5 ft is a rate of 0.72 µSv/h, 1.73 to 2.16 times ${BACKGROUND}; at 10 ft it is 0.36 µSv/h. ` +
        "As a dose, one 10-second exposure (0.002 µSv) is 0.02 to 0.025 % of a day's background, but a person at 5 ft receives a whole day's background after 667 to 833 minutes of beam-on time " +
        "(1330 to 1670 minutes at 10 ft): the statement holds only for exposures of a few minutes."
    );
    expect(c.numbers).toEqual({rate_5ft_uSv_per_h: 0.72, rate_10ft_uSv_per_h: 0.36, background_low_uSv_per_h: 0.333, background_high_uSv_per_h: 0.417});
  });

  it("puts no rate level in minutes, and separates the places it names", () => {
    // The 10 m rate is a level but no dose: it is named, not put in minutes.
    const withRate = claimOf("The dose at 5 ft for 10 seconds is 0.002 uSv. The dose rate at 10 m is at most 0.2 uSv/h. The radiation level is no more than natural background.", [background()]);
    expect(withRate.explanation).toBe(
      "The statement gives no period, and the policy's own figures contradict it as a level. " +
        `0.002 uSv (0.002 µSv) in 10 s at 5 ft is a rate of 0.72 µSv/h, 1.73 to 2.16 times ${BACKGROUND}; the stated dose rate at 10 m is at most 0.2 µSv/h. ` +
        "As a dose, one 10-second exposure (0.002 µSv) is 0.02 to 0.025 % of a day's background, but a person at 5 ft receives a whole day's background after 667 to 833 minutes of beam-on time: the statement holds only for exposures of a few minutes."
    );
    // 0.0005 µSv per 10 s at 20 ft is 0.18 µSv/h: 8 ÷ 0.18 × 60 = 2667, 10 ÷ 0.18 × 60 = 3333 minutes.
    const three = claimOf("The dose at 5 ft for 10 seconds is 0.002 uSv. The dose at 10 ft for 10 seconds is 0.001 uSv. The dose at 20 ft for 10 seconds is 0.0005 uSv. The radiation level is no more than natural background.", [background()]);
    expect(three.explanation).toMatch(/ after 667 to 833 minutes of beam-on time \(1330 to 1670 minutes at 10 ft; 2670 to 3330 minutes at 20 ft\): the statement/);
  });

  it("ends without the few-minutes caveat when the comparison holds", () => {
    // 0.003 µSv per 10 s is 1.08 µSv/h: a third of it, 0.36, is within 0.333 to 0.417, so "similar" holds.
    // 1.08 ÷ 0.417 = 2.59, 1.08 ÷ 0.333 = 3.24; 0.003 ÷ 10 = 0.03 %, 0.003 ÷ 8 = 0.0375 %; 8 ÷ 1.08 × 60 = 444, 10 ÷ 1.08 × 60 = 556.
    const c = claimOf("The dose at 5 ft for 10 seconds is 0.003 uSv. The radiation level is similar to natural background.", [background()]);
    expect(c.verdict).toBe("consistent");
    expect(c.explanation).toBe(
      "The statement gives no period; as a level, the policy's own figures agree with it. " +
        `0.003 uSv (0.003 µSv) in 10 s at 5 ft is a rate of 1.08 µSv/h, 2.59 to 3.24 times ${BACKGROUND}. ` +
        "As a dose, one 10-second exposure (0.003 µSv) is 0.03 to 0.0375 % of a day's background, but a person at 5 ft receives a whole day's background after 444 to 556 minutes of beam-on time."
    );
  });
});

describe("an everyday rate per hour", () => {
  it("is named without its article, an hour at a time", () => {
    // A short flight is 6 µSv an hour; 5 µSv/h is at or below it: 5 ÷ 6 = 0.833.
    const c = claimOf("The dose rate at 1 m is at most 5 uSv/h. The radiation level is no more than a short plane flight.", [cruise()]);
    expect(c).toMatchObject({id: "flight-comparison", verdict: "consistent"});
    expect(c.explanation).toBe(
      "The statement gives no period; as a level, the policy's own figures agree with it. The policy's stated rate at 1 m is 5 µSv/h, 0.833 times the short plane flight rate of 6 µSv/h (6 µSv an hour; source cosmic-at-cruise, grade B)."
    );
    expect(c.numbers).toEqual({rate_1m_uSv_per_h: 5, short_plane_flight_low_uSv_per_h: 6, short_plane_flight_high_uSv_per_h: 6});
  });

  it("puts a dose in its share of an hour's figure", () => {
    // 0.05 µSv in a minute is 3 µSv/h, half of 6: within a factor of 3. 0.05 ÷ 6 = 0.833 %; 6 ÷ 3 × 60 = 120 minutes.
    const c = claimOf("The dose at 1 m for 1 minute is 0.05 uSv. The radiation level is similar to a short plane flight.", [cruise()]);
    expect(c.verdict).toBe("consistent");
    expect(c.explanation).toBe(
      "The statement gives no period; as a level, the policy's own figures agree with it. 0.05 uSv (0.05 µSv) in 1 min at 1 m is a rate of 3 µSv/h, 0.5 times the short plane flight rate of 6 µSv/h (6 µSv an hour; source cosmic-at-cruise, grade B). " +
        "As a dose, one 1-minute exposure (0.05 µSv) is 0.833 % of an hour's short plane flight, but a person at 1 m receives a whole hour's short plane flight after 120 minutes of beam-on time."
    );
  });
});

describe("an everyday entry found by its phrase, for a level", () => {
  it("is named by its anchor, an article and its spaces dropped, and keyed by its words", () => {
    // 1 µSv/h against 2 µSv an hour: at or below it, 0.5 times.
    const sauna = (anchor: string) => entry("sauna", 2, {anchor, per: "hour", phrases: ["sauna session"]});
    const c = claimOf("The dose rate at 1 m is at most 1 uSv/h. The radiation level is no more than a sauna session.", [sauna("sauna session, dry")]);
    expect(c).toMatchObject({id: "sauna-comparison", verdict: "consistent"});
    expect(c.explanation).toBe(
      "The statement gives no period; as a level, the policy's own figures agree with it. The policy's stated rate at 1 m is 1 µSv/h, 0.5 times the sauna session, dry rate of 2 µSv/h (2 µSv an hour; source sauna, grade B)."
    );
    expect(c.numbers).toEqual({rate_1m_uSv_per_h: 1, sauna_session_dry_low_uSv_per_h: 2, sauna_session_dry_high_uSv_per_h: 2});
    const article = claimOf("The dose rate at 1 m is at most 1 uSv/h. The radiation level is no more than a sauna session.", [sauna("the  sauna session")]);
    expect(article.explanation).toMatch(/, 0\.5 times the sauna session rate of 2 µSv\/h /);
  });
});

describe("a grade C everyday figure for a level", () => {
  it("says the comparison can be neither confirmed nor refuted", () => {
    const c = claimOf("The dose rate at 10 m is at most 0.4 uSv/h. The radiation level is no more than natural background.", [background({grade: "C"})]);
    expect(c.verdict).toBe("unsupported");
    expect(c.explanation).toBe(
      "The statement gives no period; as a level, the policy's own figures agree with it. " +
        "The policy's stated rate at 10 m is 0.4 µSv/h, 0.96 to 1.2 times the natural background rate of 0.333 to 0.417 µSv/h (8 to 10 µSv a day; source natural-background-day, grade C). " +
        "The everyday figure does not rest on a reliable source (grade C), so the comparison can be neither confirmed nor refuted."
    );
  });
});
