// The allow-list's rules on small hand-made publications and tables (no data set is published here): exactly the
// fields the public may see pass, with everything below a listed subtree; every other field, however deep, is dropped;
// a parent of public fields that is null stays null; every table column not listed is dropped, and a table not listed
// is not published. The public fields are written out here a second time, from docs/restricted-data.md and the pages'
// needs, so that a field made public (or dropped) in lib/publish/allow-list.ts is a decision made in two places.
import {describe, expect, it} from "vitest";
import {INTERNAL_TABLE_COLUMNS, publicPublication, publicTables, unclassifiedFields} from "../../lib/publish/allow-list.js";
import type {Table} from "../../lib/publish/table-files.js";
import type {Publication} from "../../lib/publish/types.js";

/** Every public path of the publication JSON, `[]` for each element of an array. */
const PUBLIC_PATHS = `
$.audience $.data_as_of $.synthetic $.dataset_description $.code $.programme $.agency $.jurisdiction $.site_url $.status_on
$.policy_quotes $.claims_note
$.tables[].name $.tables[].title $.tables[].description $.tables[].rows $.tables[].needing_review
$.files[].path $.files[].kind $.files[].sha256 $.files[].rows $.files[].first $.files[].last $.files[].warnings
$.problems[].severity $.problems[].file $.problems[].line $.problems[].column $.problems[].message $.problems[].kind
$.problem_count.total $.problem_count.warnings $.problem_count.files
$.devices[].device_id $.devices[].readings $.devices[].censored $.devices[].flagged $.devices[].rate_meter $.devices[].first_at
$.devices[].last_at $.devices[].model $.devices[].distance_range_m $.devices[].deployments $.devices[].certificate
$.devices[].effective_energy_keV $.devices[].effective_energy_assumed $.devices[].excluded $.devices[].without_exclusions
$.devices[].policy_points[].label $.devices[].policy_points[].distance_m $.devices[].policy_points[].duration_s
$.devices[].policy_points[].dose_uSv $.devices[].policy_points[].lower95_uSv $.devices[].policy_points[].upper95_uSv
$.devices[].policy_points[].extrapolated
$.devices[].exclusion[].limit_id $.devices[].exclusion[].label $.devices[].exclusion[].distance_m $.devices[].exclusion[].extrapolated
$.devices[].exclusion[].reason
$.devices[].policy_points[].rests_on[].reading_id $.devices[].policy_points[].rests_on[].source $.devices[].policy_points[].rests_on[].without
$.devices[].exclusion[].rests_on[].reading_id $.devices[].exclusion[].rests_on[].source $.devices[].exclusion[].rests_on[].without
$.scenarios[].verdicts[].hinges_on[].reading_id $.scenarios[].verdicts[].hinges_on[].source $.scenarios[].verdicts[].hinges_on[].verdict_without
$.influence.method
$.influence.devices[].device_id $.influence.devices[].screened $.influence.devices[].checked $.influence.devices[].not_checked
$.influence.readings[].device_id $.influence.readings[].reading_id $.influence.readings[].source $.influence.readings[].leverage
$.influence.readings[].cooks_distance
$.influence.readings[].effects[].figure_id $.influence.readings[].effects[].figure $.influence.readings[].effects[].unit
$.influence.readings[].effects[].value $.influence.readings[].effects[].without $.influence.readings[].effects[].uncertainty
$.influence.readings[].effects[].verdict $.influence.readings[].effects[].verdict_without
$.fits[].device_id $.fits[].sector $.fits[].model $.fits[].converged $.fits[].reason $.fits[].n $.fits[].n_censored
$.fits[].covariance $.fits[].chi_square $.fits[].dof $.fits[].reduced_chi_square $.fits[].aic $.fits[].aic_weight
$.fits[].selected $.fits[].n_flagged
$.fits[].parameters[].name $.fits[].parameters[].value $.fits[].parameters[].stderr $.fits[].parameters[].unit
$.fits[].budget
$.fits[].curve[].distance_m $.fits[].curve[].rate_uSv_per_h $.fits[].curve[].lower95_uSv_per_h $.fits[].curve[].upper95_uSv_per_h
$.scenarios[].id $.scenarios[].device_id $.scenarios[].title $.scenarios[].description $.scenarios[].assumptions
$.scenarios[].dose_uSv $.scenarios[].upper95_uSv
$.scenarios[].verdicts[].limit_id $.scenarios[].verdicts[].limit_label $.scenarios[].verdicts[].limit_uSv
$.scenarios[].verdicts[].period $.scenarios[].verdicts[].kind $.scenarios[].verdicts[].verdict $.scenarios[].verdicts[].margin
$.scenarios[].verdicts[].alara $.scenarios[].verdicts[].explanation
$.claims[].id $.claims[].section $.claims[].quote $.claims[].check $.claims[].verdict $.claims[].explanation
$.limits[].id $.limits[].label $.limits[].body $.limits[].document $.limits[].clause $.limits[].protects $.limits[].quantity
$.limits[].value $.limits[].unit $.limits[].value_uSv $.limits[].period $.limits[].kind $.limits[].grade $.limits[].source
$.limits[].sources $.limits[].note
$.everyday[].id $.everyday[].label $.everyday[].dose_uSv $.everyday[].source $.everyday[].sources $.everyday[].grade $.everyday[].note
$.certificates[].device_id $.certificates[].serial $.certificates[].device_model $.certificates[].certificate_date
$.certificates[].next_due $.certificates[].laboratory $.certificates[].status $.certificates[].effective_energy_keV
$.certificates[].source
$.instruments[].instrument_id $.instruments[].instrument_type $.instruments[].calibrated_on $.instruments[].readings
$.instruments[].readings_out_of_calibration $.instruments[].status
$.deployments.deployments $.deployments.vehicles $.deployments.beam_on_h $.deployments.first $.deployments.last
$.deployments.min_cordon_m
$.deployments.by_year[].year $.deployments.by_year[].deployments $.deployments.by_year[].vehicles $.deployments.by_year[].beam_on_h
$.deployments.by_device[].device_id $.deployments.by_device[].deployments $.deployments.by_device[].vehicles
$.deployments.by_device[].beam_on_h
$.deployments.by_event_type[].location_type $.deployments.by_event_type[].deployments $.deployments.by_event_type[].vehicles
$.deployments.by_event_type[].beam_on_h
$.policy_figures[].label $.policy_figures[].quote $.policy_figures[].distance_m $.policy_figures[].duration_s $.policy_figures[].dose_uSv
$.policy.path $.policy.version $.policy.previous $.policy.changes
$.briefing.previous_as_of $.briefing.questions $.briefing.exclusions
$.reviews.excluded[].reading_id $.reviews.excluded[].device_id $.reviews.excluded[].reason $.reviews.excluded[].reviewed_on
$.reviews.excluded[].review $.reviews.excluded[].source
$.reviews.by_reason $.reviews.notes
$.warning_groups
$.period_totals.as_of $.period_totals.periods $.period_totals.levels $.period_totals.levels_note $.period_totals.worker_limit
$.period_totals.public_limit $.period_totals.dosimeter_summary $.period_totals.not_counted $.period_totals.devices
$.constancy
$.briefing.key_figures[].id $.briefing.key_figures[].label $.briefing.key_figures[].value $.briefing.key_figures[].unit
$.briefing.changes[].id $.briefing.changes[].label $.briefing.changes[].previous $.briefing.changes[].current $.briefing.changes[].unit
$.fields[].device_id $.fields[].model $.fields[].parameters $.fields[].parameterNames $.fields[].covariance $.fields[].mu_per_m
$.fields[].minDistance_m $.fields[].buildup $.fields[].uncertainty
$.fields[].sectors[].centre_deg $.fields[].sectors[].width_deg
$.fields[].sectors[].field.model $.fields[].sectors[].field.parameters $.fields[].sectors[].field.parameterNames
$.fields[].sectors[].field.covariance $.fields[].sectors[].field.mu_per_m $.fields[].sectors[].field.minDistance_m
$.fields[].sectors[].field.buildup $.fields[].sectors[].field.uncertainty
`.trim().split(/\s+/);

/** Fields only the internal build carries: who reviewed a reading, a badge's totals (docs/restricted-data.md). */
const INTERNAL_PATHS = ["$.reviews.excluded[].reviewed_by", "$.period_totals.dosimeters"];

/** Public columns of each published table (docs/restricted-data.md: never a badge, a wearer, an operator or a note). */
const READING_COLUMNS = `reading_id device_id measured_at distance_m angle_deg sector rate_uSv_per_h sigma_uSv_per_h censored
  normalised_residual flagged instrument_type instrument_id source gross_uSv background_uSv net_uSv status status_detail`;
const PUBLIC_COLUMNS: Record<string, string> = {
  readings: READING_COLUMNS,
  "flagged-readings": READING_COLUMNS,
  "reading-groups": `device_id sector distance_m readings censored mean_rate_uSv_per_h spread_uSv_per_h min_rate_uSv_per_h
    max_rate_uSv_per_h sigma_of_mean_uSv_per_h mdl_rate_uSv_per_h predicted_uSv_per_h normalised`,
  "excluded-readings": "reading_id device_id reason reviewed_on review source",
  "period-totals": "who id period from to readings_or_deployments dose_uSv upper95_uSv alara_level alara_status threshold_uSv",
  "output-constancy": "device_id kind label from to n output_uSv_per_h sigma_uSv_per_h pooled_uSv_per_h z beyond out_of_control",
  fits: "device_id sector model selected converged reason n n_censored parameters chi_square dof reduced_chi_square aic aic_weight n_flagged",
  "policy-points": "device_id label distance_m duration_s dose_uSv lower95_uSv upper95_uSv extrapolated rests_on",
  exclusion: "device_id limit_id label distance_m extrapolated reason rests_on",
  verdicts: "device_id scenario_id scenario dose_uSv upper95_uSv limit_id limit_uSv period kind verdict margin alara explanation",
  claims: "id section quote check verdict explanation",
  limits: "id label body document clause protects quantity value unit value_uSv period kind grade source sources note",
  "everyday-doses": "id label dose_uSv source sources grade note",
  deployments: "deployment_id device_id start end event location_type location vehicles_scanned beam_on_h scan_speed_km_per_h cordon_m",
  certificates: "device_id device_model certificate_date next_due laboratory status effective_energy_keV source",
  instruments: "instrument_id instrument_type calibrated_on readings readings_out_of_calibration",
  "input-files": "path kind sha256 rows first last warnings",
  problems: "severity file line column message kind"
};

type Tree = Record<string, unknown>;

/** An object holding every path given, each leaf its own path as a string (so a kept leaf shows where it came from). */
function treeOf(paths: readonly string[]): Tree {
  const root: Tree = {};
  for (const path of paths) {
    const steps = path.slice(2).split(".");
    let node = root;
    steps.forEach((step, k) => {
      const array = step.endsWith("[]");
      const key = array ? step.slice(0, -2) : step;
      const last = k === steps.length - 1;
      if (array) {
        const list = (node[key] ??= [{}]) as Tree[];
        node = list[0]!;
      } else if (last) {
        node[key] = path;
      } else {
        node = (node[key] ??= {}) as Tree;
      }
    });
  }
  return root;
}

/** Leaf paths of a value, arrays written `[]`. */
function leaves(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((x) => leaves(x, `${path}[]`));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  return [path];
}

/** The leaves' values, in the order `leaves` lists their paths. */
function leafValues(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leafValues);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(leafValues);
  return [value];
}

/** Plant a restricted-looking field beside every field of a tree, at every depth, and in every array element. */
function planted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(planted);
  if (value !== null && typeof value === "object") {
    const out: Tree = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, planted(v)]));
    out.wearer = "BADGE-4471";
    return out;
  }
  return value;
}

describe("the public publication", () => {
  it("keeps every public field and nothing else, however deep a restricted field is planted", () => {
    const full = {...treeOf([...PUBLIC_PATHS, ...INTERNAL_PATHS]), secret: "top"};
    const cut = publicPublication(planted(full) as Publication);
    expect(JSON.stringify(cut)).not.toMatch(/BADGE-4471|"top"|reviewed_by|dosimeters/);
    // Every leaf of the cut sits on a public path, and every public path is there with its own value.
    expect(leaves(cut).sort()).toEqual([...PUBLIC_PATHS].sort());
    expect(leafValues(cut)).toEqual(leaves(cut));
  });

  it("keeps a listed subtree whole, whatever it holds (a model's parameters by name, a budget's parts)", () => {
    const budget = {parts: [{name: "calibration", share: 0.4, instrument: "SN-77"}], total: 0.2};
    const code = {package_version: "1.2.3", commit: "abc", nested: {deep: [1, 2]}};
    const cut = publicPublication({code, fits: [{budget, wearer: "x"}], warning_groups: [{kind: "k", anything: {a: 1}}]} as unknown as Publication);
    expect(cut).toEqual({code, fits: [{budget}], warning_groups: [{kind: "k", anything: {a: 1}}]});
  });

  it("keeps every element of an array, each cut the same way", () => {
    const devices = [{device_id: "VAN-1", wearer: "A"}, {device_id: "VAN-2", notes: "B"}, {device_id: "VAN-3"}];
    expect(publicPublication({devices} as unknown as Publication)).toEqual({devices: [{device_id: "VAN-1"}, {device_id: "VAN-2"}, {device_id: "VAN-3"}]});
  });

  it("keeps a parent of public fields that is null as null, and drops one that is a bare value", () => {
    const cut = publicPublication({policy: null, briefing: "not an object", influence: 3} as unknown as Publication);
    expect(Object.keys(cut)).toEqual(["policy", "briefing", "influence"]);
    expect((cut as unknown as Tree).policy).toBeNull();
    expect((cut as unknown as Tree).briefing).toBeUndefined();
    expect((cut as unknown as Tree).influence).toBeUndefined();
    expect(JSON.parse(JSON.stringify(cut))).toEqual({policy: null});
  });

  it("drops a field whose name only starts like a public one, or only ends like one", () => {
    const cut = publicPublication({dev: {x: 1}, devices: [{device: "x", dev: {y: 2}, device_id_secret: "y", id: "z"}], programmes: "p", "$": 1} as unknown as Publication);
    expect(cut).toStrictEqual({devices: [{}]});
    expect(unclassifiedFields({dev: null, devices: [{device: null, policy: null}]})).toEqual(["$.dev", "$.devices[].device", "$.devices[].policy"]);
  });
});

describe("the fields nobody classified", () => {
  it("are none for a publication holding only listed fields, public or internal", () => {
    expect(unclassifiedFields(treeOf([...PUBLIC_PATHS, ...INTERNAL_PATHS]))).toEqual([]);
  });

  it("are each field on neither list, named by its path, once however many elements carry it", () => {
    const value = {
      secret: 1, devices: [{device_id: "A", wearer: "x"}, {device_id: "B", wearer: "y"}],
      reviews: {excluded: [{reviewed_by: "R. Soe", reading_id: "R1", badge: "B"}]}, period_totals: {dosimeters: [{id: "EPD-1"}]}
    };
    expect(unclassifiedFields(value).sort()).toEqual(["$.devices[].wearer", "$.reviews.excluded[].badge", "$.secret"]);
  });

  it("count a null parent of public fields as classified, but a null or bare value elsewhere as not", () => {
    expect(unclassifiedFields({policy: null, influence: null})).toEqual([]);
    expect(unclassifiedFields({policy: 3})).toEqual(["$.policy"]);
    expect(unclassifiedFields({other: null})).toEqual(["$.other"]);
    expect(unclassifiedFields(null)).toEqual([]);
    expect(unclassifiedFields(5)).toEqual(["$"]);
    expect(unclassifiedFields({devices: [{policy_points: [{upper95_uSv: null, odd: null}]}]})).toEqual(["$.devices[].policy_points[].odd"]);
  });
});

describe("the public tables", () => {
  const column = (name: string) => ({name, description: `${name} described`});
  const RESTRICTED = ["dosimeter_id", "notes", "operators", "reviewed_by", "wearer", "badge"];

  it("keep exactly the public columns of each table, in the table's order, and drop every restricted one", () => {
    for (const [name, list] of Object.entries(PUBLIC_COLUMNS)) {
      const names = [...RESTRICTED, ...list.trim().split(/\s+/)];
      const table: Table = {
        name, title: `${name} title`, description: `${name} description`, columns: names.map(column),
        rows: [Object.fromEntries(names.map((n, k) => [n, k])), Object.fromEntries(names.map((n) => [n, `${n}-2`]))]
      };
      const cut = publicTables([table]);
      const expected = list.trim().split(/\s+/);
      expect(cut, name).toHaveLength(1);
      expect(cut[0]!.columns, name).toEqual(expected.map(column));
      expect(cut[0]!.rows, name).toEqual([
        Object.fromEntries(expected.map((n) => [n, names.indexOf(n)])), Object.fromEntries(expected.map((n) => [n, `${n}-2`]))
      ]);
      expect({...cut[0]!, columns: [], rows: []}, name).toEqual({name, title: `${name} title`, description: `${name} description`, columns: [], rows: []});
    }
  });

  it("leave out a table that is not on the list, and keep the order of those that are", () => {
    const table = (name: string): Table => ({name, title: name, description: "", columns: [column("reading_id")], rows: [{reading_id: "R1"}]});
    const cut = publicTables([table("wearers"), table("readings"), table("dosimeters"), table("excluded-readings")]);
    expect(cut.map((t) => t.name)).toEqual(["readings", "excluded-readings"]);
    expect(publicTables([])).toEqual([]);
  });

  it("know as internal exactly the restricted columns: a badge, a note, an operator, who reviewed (docs/restricted-data.md)", () => {
    expect(INTERNAL_TABLE_COLUMNS).toEqual({
      readings: ["dosimeter_id", "notes"], "flagged-readings": ["dosimeter_id", "notes"], "excluded-readings": ["reviewed_by"], deployments: ["operators", "notes"]
    });
    for (const [name, columns] of Object.entries(INTERNAL_TABLE_COLUMNS)) {
      const table: Table = {name, title: "", description: "", columns: columns.map(column), rows: [Object.fromEntries(columns.map((c) => [c, "BADGE-1"]))]};
      expect(publicTables([table]), name).toEqual([{...table, columns: [], rows: [{}]}]);
    }
  });

  it("drop a row's field that no column names, even a public-looking one on a table without it", () => {
    const cut = publicTables([{name: "claims", title: "", description: "", columns: [column("id")], rows: [{id: "C1", reading_id: "R1", notes: "n"}]}]);
    expect(cut[0]!.rows).toEqual([{id: "C1"}]);
  });
});
