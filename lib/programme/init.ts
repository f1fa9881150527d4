// The files of a new, empty data folder for a real programme (`xray-dose init DIR`): its manifest, the project's
// limits and everyday doses (cited reference data the programme may edit), a header-only template of each input
// file, and notes saying what goes where. Pure: the command writes these files.
import {REQUIRED_COLUMNS, OPTIONAL_COLUMNS} from "../readings/parse.js";
import {MANIFEST_FILE, PLACEHOLDER, type DatasetManifest} from "./manifest.js";
import {REVIEW_COLUMNS, REVIEW_FILE} from "../reviews/parse.js";

export interface InitOptions {
  programme?: string;
  agency?: string;
  jurisdiction?: string;
  site_url?: string | null;
  /** The project's limits.json and everyday-doses.json, copied byte for byte. */
  limitsJson: string;
  everydayJson: string;
}

export interface InitFile {
  /** Relative to the new folder, "/" separated. */
  path: string;
  content: string;
}

/** Every readings column (docs/data-formats.md), in the order a person fills them in. */
export const READINGS_TEMPLATE_COLUMNS = [
  "reading_id", "device_id", "dosimeter_id", "measured_at", "distance", "distance_unit", "angle_deg", "duration", "duration_unit",
  "dose", "dose_unit", "quantity", "uncertainty", "background", "mdl", "instrument_type", "instrument_id", "instrument_calibrated_on",
  "calibration_uncertainty", "energy_response_uncertainty", "duration_basis", "notes"
] as const satisfies readonly (typeof REQUIRED_COLUMNS[number] | typeof OPTIONAL_COLUMNS[number])[];

export const DEPLOYMENTS_TEMPLATE_COLUMNS = [
  "deployment_id", "device_id", "start", "end", "event", "location_type", "location", "location_restricted", "vehicles_scanned",
  "beam_on_s", "scan_speed_km_per_h", "cordon_m", "operators", "notes"
] as const;

const CERTIFICATE_TEMPLATE = {
  certificate_id: "the certificate's number",
  device: {model: "the device's model", serial: "the device_id used in readings and deployments"},
  issued_on: "YYYY-MM-DD",
  next_due_on: "YYYY-MM-DD",
  laboratory: {name: "the calibration laboratory", accreditation: "its accreditation, or null"},
  source: {tube_voltage: "125 kV", tube_current: "1 mA", filtration: "2.5 mm Al", effective_energy: "60 keV"},
  beam: {spot_size: "6 mm", divergence: "0.6 deg", scan_line_rate: "30 Hz", nominal_scan_speed: "5 km/h"},
  reference_points: [
    {distance: "5 ft", angle_deg: 0, quantity: "H*(10)", dose_rate: "57.6 uSv/h", uncertainty: "8%", instrument: {id: "the instrument", type: "integrating", calibrated_on: "YYYY-MM-DD"}}
  ],
  leakage: [],
  scan_plane_dose: {quantity: "H*(10)", dose: "0.05 uSv", uncertainty: "15%", distance: "1.5 m", scan_speed: "5 km/h"},
  remarks: "A template: copy it to a .json file named after the device and the issue date, and write the certificate's own values."
};

/** A dataset.json text, fields in the documented order, with placeholders where nothing was given. */
export function manifestText(o: Pick<InitOptions, "programme" | "agency" | "jurisdiction" | "site_url">, limitIds: readonly string[]): string {
  const manifest: DatasetManifest = {
    programme: o.programme ?? `${PLACEHOLDER}: the programme's name`,
    agency: o.agency ?? `${PLACEHOLDER}: who runs the programme`,
    jurisdiction: o.jurisdiction ?? `${PLACEHOLDER}: where the programme operates, whose law applies`,
    limits: [...limitIds],
    synthetic: false,
    description: "Measurements of the programme's devices: field dosimeter readings, calibration certificates and the deployment log.",
    site_url: o.site_url ?? null
  };
  return JSON.stringify(manifest, null, 2) + "\n";
}

const README = (manifestFile: string) => `# A mobile X-ray programme's data

This folder holds one programme's data for mobile-xray-safety. Every file's format is described in the project's
docs/data-formats.md; "The data folder" there says what each file is for.

- ${manifestFile}: which programme this is, who runs it, which limits apply (ids from limits.json: remove the ones
  that do not apply), and where the public site will be published. Replace every "${PLACEHOLDER}" value.
- readings/: field dosimeter readings, CSV. readings/readings.csv has the header only: add one line per reading below
  it (a dose, or a dose rate such as µSv/h with its duration). More files are fine.
- certificates/: one JSON file per calibration certificate; certificates/certificate.json.template shows the fields.
- deployments/: the deployment log, CSV; deployments/deployments.csv has the header only. Until it has the device's
  deployments, the doses that depend on how long and how close people were cannot be determined.
- policy/: the policy the site reports on, as one plain-text (.txt) file.
- ${REVIEW_FILE}: the Radiation Safety Officer's reviews of readings, header only: one line per reading set aside
  (exclude), put back (include) or noted (note), with the reason, who decided and the day. The reason is published on
  the public site; who decided only in the internal build.
- limits.json, everyday-doses.json: the project's cited limits and everyday doses, copied here so that the programme
  can review and edit them.

Then, from the project's folder:

    xray-dose validate THIS-FOLDER       # every file, and the files against each other
    xray-dose compliance THIS-FOLDER     # every verdict the site would publish
    XRAY_DATA_DIR=THIS-FOLDER npm run build
`;

const POLICY_NOTE = `Put the programme's impact-and-use policy here as one plain-text file (.txt), exactly as published.
Without it the site cannot check the policy's claims, and says so.
`;

export function initFiles(o: InitOptions): InitFile[] {
  const limitIds = (JSON.parse(o.limitsJson) as {limits: {id: string}[]}).limits.map((l) => l.id);
  return [
    {path: MANIFEST_FILE, content: manifestText(o, limitIds)},
    {path: "README.md", content: README(MANIFEST_FILE)},
    {path: "limits.json", content: o.limitsJson},
    {path: "everyday-doses.json", content: o.everydayJson},
    {path: "readings/readings.csv", content: READINGS_TEMPLATE_COLUMNS.join(",") + "\n"},
    {path: "deployments/deployments.csv", content: DEPLOYMENTS_TEMPLATE_COLUMNS.join(",") + "\n"},
    {path: REVIEW_FILE, content: REVIEW_COLUMNS.join(",") + "\n"},
    {path: "certificates/certificate.json.template", content: JSON.stringify(CERTIFICATE_TEMPLATE, null, 2) + "\n"},
    {path: "policy/README.md", content: POLICY_NOTE}
  ];
}
