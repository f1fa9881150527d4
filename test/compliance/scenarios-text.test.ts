// What each scenario tells its reader, word for word, and the rules behind the words: which occasion a bound is for,
// which deployment is the shift, what happens when the data or the registry cannot decide. The expected texts are
// written out by hand: they are the product's promise of what a reader sees.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  bystanderScenarios,
  cordonHourScenario,
  loadLimits,
  occupantScenarios,
  operatorScenarios,
  publicAnnualScenario,
  scaleEstimate,
  sumEstimates,
  undeterminedScenario,
  type DoseEstimate,
  type Estimator,
  type LimitsRegistry
} from "../../lib/compliance/index.js";

const registry = (): LimitsRegistry => loadLimits(readFileSync(new URL("../../data/limits.json", import.meta.url), "utf8"), "data/limits.json");

/** A point source of S µSv·m²/h (±20 %), recording every question the scenarios ask of it. */
function recordingSource(S: number) {
  const asked: Parameters<Estimator>[0][] = [];
  const estimate: Estimator = (q) => {
    asked.push(q);
    const dose = (S * q.duration_s) / 3600 / q.distance_m ** 2;
    return {dose_uSv: dose, lower95_uSv: 0.8 * dose, upper95_uSv: 1.2 * dose, determinable: true, effectiveEnergy_keV: 60};
  };
  return {asked, estimate};
}

const ONE_OCCASION = "The bounds are for one occasion (a prediction interval): they include the variation between occasions that the readings show beyond their stated uncertainties.";
const MANY_OCCASIONS = "The bounds are on the average dose over many occasions (a confidence interval): variation from one occasion to the next averages out over a year, the uncertainty of the fitted curve and of the instruments does not.";
const ANY_ONE_HOUR = "\"Any one hour\" is the dose in the worst 60 consecutive minutes (NRC HPPOS Q48) [NRC-HPPOS], not an hourly average: for continuous operation at a fixed distance that is one full hour of exposure at that distance.";
const OPERATOR_COMMON = [
  "The operator's position is treated as free field: shielding by the van is ignored, which overstates the dose.",
  "The annual limits are compared; a shift's dose shows how many such shifts the limit allows (the margin)."
];

describe("a bystander's scenarios say where they stand and for how long", () => {
  it("states the distance, the beam-on time and the one-occasion bounds, and asks for prediction intervals", () => {
    const source = recordingSource(100);
    const [event, hour] = bystanderScenarios(registry(), source.estimate, {distance_m: 5, duration_s: 7200});
    expect(event).toMatchObject({
      id: "bystander-event",
      title: "A bystander during a scan or deployment",
      description: "The dose to a person standing 5 m from the device for 7200 s of beam-on time.",
      assumptions: [
        "The person stays at the same distance for the whole beam-on time.",
        "The annual limits are compared with this event's dose alone; other exposures in the year add to it (see the public's annual dose).",
        ONE_OCCASION
      ]
    });
    expect(hour).toMatchObject({
      id: "bystander-hour",
      title: "A bystander's worst hour",
      description: "The most dose the same person can receive in any one hour while standing 5 m from the device for 7200 s of beam-on time.",
      assumptions: [ANY_ONE_HOUR, "The beam is on for the whole of the worst hour.", ONE_OCCASION]
    });
    // The event as a whole, then its worst hour (3600 s of the 7200 s): both one occasion.
    expect(source.asked).toEqual([
      {distance_m: 5, duration_s: 7200, interval: "prediction"},
      {distance_m: 5, duration_s: 3600, interval: "prediction"}
    ]);
  });

  it("says the whole event counts when it lasts exactly one hour, and that the beam fills the hour when it lasts longer", () => {
    const worstHour = (duration_s: number) => bystanderScenarios(registry(), recordingSource(100).estimate, {distance_m: 5, duration_s})[1]!.assumptions[1];
    expect(worstHour(3600)).toBe("The whole event fits within one hour, so its whole dose counts.");
    expect(worstHour(600)).toBe("The whole event fits within one hour, so its whole dose counts.");
    expect(worstHour(3601)).toBe("The beam is on for the whole of the worst hour.");
  });

  it("refuses a duration that is not a positive number, naming it", () => {
    expect(() => bystanderScenarios(registry(), recordingSource(1).estimate, {distance_m: 5, duration_s: -1}))
      .toThrow(new RangeError("duration_s must be a finite number greater than 0, got -1"));
  });
});

describe("the cordon's hour says who it is for and how L15 is converted", () => {
  it("states the cordon distance, the continuous hour, the roentgen conversion and the one-occasion bounds", () => {
    const source = recordingSource(1650);
    const r = cordonHourScenario(registry(), source.estimate, {cordon_m: 10});
    expect(r).toMatchObject({
      id: "cordon-hour",
      title: "Anyone at the cordon for an hour",
      description: "The dose in any one hour of continuous operation to a person at the cordon, 10 m from the device.",
      assumptions: [
        ANY_ONE_HOUR,
        "The beam is on for the whole hour (continuous operation), the worst case for a cordon.",
        "This is a person continuously present at the cordon for the hour; someone walking past receives far less (see the checkpoint simulation).",
        "L15 is stated in roentgen (exposure): it is converted through air kerma to H*(10) at the device's effective photon energy (2 mR is 30.6 µSv at 60 keV).",
        ONE_OCCASION
      ]
    });
    expect(source.asked).toEqual([{distance_m: 10, duration_s: 3600, interval: "prediction"}]);
  });

  it("refuses a cordon that is not a positive distance, naming it", () => {
    expect(() => cordonHourScenario(registry(), recordingSource(1).estimate, {cordon_m: 0}))
      .toThrow(new RangeError("cordon_m must be a finite number greater than 0, got 0"));
  });

  it("fails with a clear message when the registry maps no limits to the scenario", () => {
    const reg = registry();
    const {"cordon-hour": _dropped, ...rest} = reg.scenario_limits;
    expect(() => cordonHourScenario({...reg, scenario_limits: rest}, recordingSource(1).estimate, {cordon_m: 10}))
      .toThrow(new Error("the limits registry maps no limits to scenario \"cordon-hour\""));
  });
});

describe("a vehicle occupant's scenarios", () => {
  const perScan: DoseEstimate = {dose_uSv: 0.2, lower95_uSv: 0.16, upper95_uSv: 0.24, determinable: true};

  it("say N43.16 is listed without its number, and how the year scales the scan", () => {
    const [scan, year] = occupantScenarios(registry(), {per_scan: perScan, scans_per_year: 1000});
    expect(scan).toMatchObject({
      id: "occupant-scan",
      title: "A person inside a scanned vehicle, per scan",
      description: "The effective dose to an occupant of a vehicle from one scan.",
      assumptions: [
        "The per-scan estimate is for the occupant's position in the vehicle, as given by the caller.",
        "N43.16, the standard for vehicle screening, is listed although its number is not publicly available."
      ]
    });
    expect(year).toMatchObject({
      id: "occupant-year",
      title: "A person scanned repeatedly, per year",
      description: "The annual dose to an occupant scanned 1000 times a year.",
      assumptions: ["Every scan gives the same dose; the bounds scale with the number of scans (the device's uncertainty does not average out)."]
    });
  });

  it("do not mention N43.16 when the registry does not apply it to a scan", () => {
    const reg = registry();
    const withoutN4316 = {...reg, scenario_limits: {...reg.scenario_limits, "occupant-scan": ["L1", "L2", "L14"]}};
    const [scan] = occupantScenarios(withoutN4316, {per_scan: perScan, scans_per_year: 1});
    expect(scan!.assumptions).toEqual(["The per-scan estimate is for the occupant's position in the vehicle, as given by the caller."]);
    expect(scan!.verdicts.map((v) => v.limit_id)).toEqual(["L1", "L2", "L14"]);
  });

  it("fail with the registry's problem, not a crash, when no limits are mapped to a scan", () => {
    const reg = registry();
    const {"occupant-scan": _dropped, ...rest} = reg.scenario_limits;
    expect(() => occupantScenarios({...reg, scenario_limits: rest}, {per_scan: perScan, scans_per_year: 1}))
      .toThrow(new Error("the limits registry maps no limits to scenario \"occupant-scan\""));
  });

  it("refuse a number of scans that is not positive, naming it", () => {
    expect(() => occupantScenarios(registry(), {per_scan: perScan, scans_per_year: 0}))
      .toThrow(new RangeError("scans_per_year must be a finite number greater than 0, got 0"));
  });
});

describe("an operator's scenarios", () => {
  const deployments = [
    {deployment_id: "D1", beam_on_s: 1800, cordon_m: 10, operators: ["Officer Alvarez", "Officer Brown"]},
    {deployment_id: "D2", beam_on_s: 3600, cordon_m: 20, operators: ["Officer Alvarez"]},
    {deployment_id: "D3", beam_on_s: 900, cordon_m: 10, operators: ["Officer Brown", "Officer Brown"]}
  ];

  it("name the shift's deployment and the most-exposed operator's beam-on time, one occasion for a shift and many for a year", () => {
    // Alvarez worked D1 and D2: 1800 + 3600 = 5400 s; Brown D1 and D3: 2700 s.
    const source = recordingSource(400);
    const [shift, year] = operatorScenarios(registry(), source.estimate, {deployments, operator_distance_m: 2});
    expect(shift).toMatchObject({
      id: "operator-shift",
      title: "An operator over a shift",
      description: "The dose to an operator at 2 m from the source during the deployment with the most beam-on time (3600 s, deployment D2).",
      assumptions: [...OPERATOR_COMMON, ONE_OCCASION]
    });
    expect(year).toMatchObject({
      id: "operator-year",
      title: "An operator over the year",
      description: "The dose to the most-exposed operator at 2 m from the source over the 5400 s of beam-on time of the deployments they worked.",
      assumptions: [
        ...OPERATOR_COMMON,
        "Doses are summed per operator from the log's operator lists; names are not shown.",
        "The deployments given are one calendar year's.",
        MANY_OCCASIONS
      ]
    });
    expect(source.asked).toEqual([
      {distance_m: 2, duration_s: 3600, interval: "prediction"},
      {distance_m: 2, duration_s: 5400, interval: "confidence"}
    ]);
  });

  it("say one person is assumed to have worked every deployment when the log names nobody", () => {
    const anonymous = deployments.map((d) => ({...d, operators: []}));
    const [, year] = operatorScenarios(registry(), recordingSource(400).estimate, {deployments: anonymous, operator_distance_m: 2});
    expect(year!.description).toBe("The dose to the most-exposed operator at 2 m from the source over the 6300 s of beam-on time of the deployments they worked.");
    expect(year!.assumptions[2]).toBe("The log names no operators, so one person is assumed to have worked every deployment.");
  });

  it("take the first of two equally long deployments as the shift", () => {
    const tied = [
      {deployment_id: "D1", beam_on_s: 1800, cordon_m: 10, operators: []},
      {deployment_id: "D2", beam_on_s: 1800, cordon_m: 10, operators: []}
    ];
    const [shift] = operatorScenarios(registry(), recordingSource(400).estimate, {deployments: tied, operator_distance_m: 2});
    expect(shift!.description).toBe("The dose to an operator at 2 m from the source during the deployment with the most beam-on time (1800 s, deployment D1).");
  });

  it("refuse an empty log and a distance that is not positive, with messages that name the problem", () => {
    expect(() => operatorScenarios(registry(), recordingSource(1).estimate, {deployments: [], operator_distance_m: 2}))
      .toThrow(new RangeError("operatorScenarios needs at least one deployment"));
    expect(() => operatorScenarios(registry(), recordingSource(1).estimate, {deployments, operator_distance_m: Number.NaN}))
      .toThrow(new RangeError("operator_distance_m must be a finite number greater than 0, got NaN"));
  });
});

describe("the public's annual dose", () => {
  const deployments = [
    {deployment_id: "D1", beam_on_s: 1800, cordon_m: 10, operators: []},
    {deployment_id: "D2", beam_on_s: 3600, cordon_m: 20, operators: []}
  ];

  it("states the number of deployments, their total beam-on time and the dose, and asks for confidence intervals", () => {
    // S = 10000: 10000 × 0.5 h / 100 m² + 10000 × 1 h / 400 m² = 50 + 25 = 75 µSv.
    const source = recordingSource(10000);
    const r = publicAnnualScenario(registry(), source.estimate, {deployments});
    expect(r).toMatchObject({
      id: "public-annual",
      title: "The public's annual dose from all deployments",
      description: "A hypothetical member of the public at the cordon of each of the 2 deployments for all 5400 s of beam-on time: 75 µSv.",
      assumptions: [
        "Nobody really attends every deployment at the cordon for its whole beam-on time: this bounds any real person's dose from above.",
        "The deployments given are one calendar year's.",
        "Doses from the deployments are added with their bounds (one device, one model: the errors do not cancel).",
        MANY_OCCASIONS
      ]
    });
    expect(source.asked).toEqual([
      {distance_m: 10, duration_s: 1800, interval: "confidence"},
      {distance_m: 20, duration_s: 3600, interval: "confidence"}
    ]);
  });

  it("gives no dose in its description when the model cannot give one, and says why every limit cannot be decided", () => {
    const noFit: Estimator = () => ({dose_uSv: null, upper95_uSv: null, determinable: false, reason: "too few readings (2) to fit"});
    const r = publicAnnualScenario(registry(), noFit, {deployments});
    expect(r.description).toBe("A hypothetical member of the public at the cordon of each of the 2 deployments for all 5400 s of beam-on time.");
    expect(r.estimate).toEqual({dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: "too few readings (2) to fit"});
    expect(r.verdicts.every((v) => v.verdict === "cannot-be-determined")).toBe(true);
  });

  it("refuses an empty log rather than reporting a dose of zero", () => {
    expect(() => publicAnnualScenario(registry(), recordingSource(1).estimate, {deployments: []}))
      .toThrow(new RangeError("publicAnnualScenario needs at least one deployment"));
  });
});

describe("a scenario the data cannot decide", () => {
  it("keeps its title, gives no dose and no assumptions, and every limit cannot be determined, with the reason", () => {
    const r = undeterminedScenario(registry(), "public-annual", {description: "The public's annual dose.", reason: "the deployment log is empty"});
    expect(r).toMatchObject({
      id: "public-annual",
      title: "The public's annual dose from all deployments",
      description: "The public's annual dose.",
      assumptions: [],
      estimate: {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: "the deployment log is empty"}
    });
    expect(r.verdicts.map((v) => [v.limit_id, v.verdict])).toEqual([
      ["L6", "cannot-be-determined"], ["L9", "cannot-be-determined"], ["L12", "cannot-be-determined"], ["L13", "cannot-be-determined"]
    ]);
    expect(r.verdicts.every((v) => v.explanation.includes("the deployment log is empty"))).toBe(true);
  });
});

describe("combining and scaling estimates", () => {
  it("scales a missing bound to a missing bound, never to zero or NaN", () => {
    const noLower: DoseEstimate = {dose_uSv: 2, upper95_uSv: 3, determinable: true};
    expect(scaleEstimate(noLower, 10)).toEqual({dose_uSv: 20, upper95_uSv: 30, lower95_uSv: null, determinable: true});
    const nothing: DoseEstimate = {dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: "no fit"};
    expect(scaleEstimate(nothing, 10)).toEqual({dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: "no fit"});
  });

  it("keeps the effective energy the parts share, and states none when they differ", () => {
    const at = (keV: number | undefined): DoseEstimate => ({dose_uSv: 1, lower95_uSv: 0.5, upper95_uSv: 2, determinable: true, effectiveEnergy_keV: keV});
    expect(sumEstimates([at(60), at(60)])).toStrictEqual({dose_uSv: 2, upper95_uSv: 4, lower95_uSv: 1, determinable: true, effectiveEnergy_keV: 60});
    const mixed = sumEstimates([at(60), at(80)]);
    expect(mixed).toStrictEqual({dose_uSv: 2, upper95_uSv: 4, lower95_uSv: 1, determinable: true});
    expect("effectiveEnergy_keV" in sumEstimates([at(undefined), at(undefined)])).toBe(false);
  });

  it("gives every distinct reason a part is missing, once each, and says when a part gave none", () => {
    const missing = (reason?: string): DoseEstimate => ({dose_uSv: null, upper95_uSv: null, determinable: false, ...(reason === undefined ? {} : {reason})});
    const ok: DoseEstimate = {dose_uSv: 1, upper95_uSv: 2, determinable: true};
    expect(sumEstimates([missing("no certificate"), ok, missing("no fit"), missing("no certificate"), missing()]))
      .toEqual({dose_uSv: null, upper95_uSv: null, lower95_uSv: null, determinable: false, reason: "no certificate; no fit; no reason given"});
  });
});
