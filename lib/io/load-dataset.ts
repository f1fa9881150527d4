// Read everything in a data folder and validate it: field readings, calibration certificates, deployment logs, the
// limits registry, the everyday doses, the policy text and the manifest (dataset.json), each file on its own and then
// the files against each other (lib/programme/consistency.ts). Every input file is fingerprinted (SHA-256) for
// provenance. Any error refuses the whole data set (InputError with every problem); warnings travel with the data.
import {createHash} from "node:crypto";
import {readdir} from "node:fs/promises";
import {isAbsolute, join, relative} from "node:path";
import {parseCertificate, type Certificate} from "../certificates/index.js";
import {parseDeploymentLog, type Deployment} from "../deployments/index.js";
import {loadLimits, type LoadedLimits} from "../compliance/limits.js";
import {loadEverydayDoses, type EverydayDose} from "../compliance/everyday.js";
import {orderPolicyVersions} from "../compliance/policy-versions.js";
import {extractStatements} from "../compliance/policy-statements.js";
import {policyTextProblems} from "../compliance/policy-claims.js";
import {readReadingsPaths} from "./read-readings.js";
import {MANIFEST_FILE, missingManifestMessage, parseManifest, type DatasetManifest} from "../programme/manifest.js";
import {crossFileProblems} from "../programme/consistency.js";
import {REVIEW_FILE, parseReviews, type Review} from "../reviews/parse.js";
import {InputError, hasErrors, type Problem} from "./problems.js";
import {inspectPath, readInput} from "./open-input.js";
import type {Reading} from "../readings/types.js";

export interface InputFile {
  path: string;
  kind: "readings" | "certificate" | "deployments" | "limits" | "everyday-doses" | "policy" | "manifest" | "reviews";
  sha256: string;
  rows: number | null;
}

export interface PolicyText {
  /** Relative to the root, like InputFile.path. */
  path: string;
  text: string;
  /** The date in the file name (YYYY-MM-DD, YYYY-MM or YYYY); null for a single undated file. */
  version: string | null;
}

export interface Dataset {
  manifest: DatasetManifest;
  readings: Reading[];
  certificates: Certificate[];
  deployments: Deployment[];
  limits: LoadedLimits;
  everyday: EverydayDose[];
  /** The policy's versions, verbatim, oldest first (by the date in their file names): the site reports on the last. */
  policies: PolicyText[];
  /** The previous council briefing's cut-off (ISO date), from data/briefing.json; null when there is none. */
  previousBriefing: string | null;
  /** The RSO's reviews of readings (reviews.csv; none when the folder has no such file), validated against the readings. */
  reviews: Review[];
  files: InputFile[];
  /** Warnings only (errors throw). */
  problems: Problem[];
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function filesIn(dir: string, extension: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true, recursive: true});
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile() && e.name.endsWith(extension)).map((e) => join(e.parentPath, e.name)).sort();
}

/** Strict UTF-8: a file that is not text is an error naming the file, not a garbled value. */
function decode(bytes: Buffer, file: string, problems: Problem[]): string | null {
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    problems.push({severity: "error", file, message: "is not UTF-8 text; save it as UTF-8 (CSV or JSON)"});
    return null;
  }
}

function readBriefing(text: string, file: string, problems: Problem[]): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.push({severity: "error", file, message: `is not valid JSON (${(error as Error).message})`});
    return null;
  }
  const previous = (value as {previous_briefing?: unknown})?.previous_briefing;
  if (previous === undefined || previous === null) return null;
  if (typeof previous !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(previous) || Number.isNaN(Date.parse(previous))) {
    problems.push({severity: "error", file, column: "$.previous_briefing", message: `must be a date such as "2026-05-01", not ${JSON.stringify(previous)}`});
    return null;
  }
  return previous;
}

const MISSING: Partial<Record<InputFile["kind"], string>> = {
  manifest: missingManifestMessage(),
  limits: "is missing: it holds the limits verdicts are given against (docs/compliance.md); copy the project's data/limits.json, or run \"xray-dose init DIR\"",
  "everyday-doses": "is missing: it holds the everyday doses the public pages compare with; copy the project's data/everyday-doses.json, or run \"xray-dose init DIR\""
};

export interface DatasetRead {
  /** Null when any problem is an error. */
  dataset: Dataset | null;
  /** Every problem found, errors and warnings, file by file and then across files. */
  problems: Problem[];
}

/** Load and validate a data folder, throwing InputError (with every problem) when it has errors. */
export async function loadDataset(dataDir: string, options: {now: Date; root?: string}): Promise<Dataset> {
  const {dataset, problems} = await readDataset(dataDir, options);
  if (!dataset) throw new InputError(problems);
  return dataset;
}

/** `now` (lib/io/clock.ts) decides which readings are in the future; nothing here reads the clock. Never throws for a user's mistake. */
export async function readDataset(dataDir: string, options: {now: Date; root?: string}): Promise<DatasetRead> {
  const root = options.root ?? ".";
  const problems: Problem[] = [];
  const files: InputFile[] = [];
  // Files are named relative to `root` (the working directory unless the caller says otherwise), or as given when
  // they lie outside it, so a message names a path the user can open.
  const rel = (path: string) => {
    const r = relative(root, path);
    return r === "" || r.startsWith("..") || isAbsolute(r) ? path : r;
  };
  // Every file through the one opener (lib/io/open-input.ts): devices and pipes refused, the bytes capped.
  const read = async (path: string, kind: InputFile["kind"]) => {
    const input = await readInput(path);
    if (!input.ok) {
      const missing = /^no such file/.test(input.problem.message);
      problems.push({...input.problem, file: rel(path), ...(missing ? {message: MISSING[kind] ?? "is missing"} : {})});
      return null;
    }
    files.push({path: rel(path), kind, sha256: sha256(input.bytes), rows: null});
    return decode(input.bytes, rel(path), problems);
  };

  const limitsPath = join(dataDir, "limits.json");
  const limitsText = await read(limitsPath, "limits");
  const limits = limitsText === null ? null : loadLimits(limitsText, rel(limitsPath));
  if (limits) {
    problems.push(...limits.problems);
    files.at(-1)!.rows = limits.limits.length;
  }

  const manifestPath = join(dataDir, MANIFEST_FILE);
  const manifestText = await read(manifestPath, "manifest");
  const manifestRead = manifestText === null ? null : parseManifest(manifestText, rel(manifestPath), limits && !hasErrors(limits.problems) ? limits.limits.map((l) => l.id) : null);
  if (manifestRead) problems.push(...manifestRead.problems);

  const readingsResult = await readReadingsPaths([join(dataDir, "readings")], {now: options.now});
  const readingFile = new Map(readingsResult.files.map((f) => [f.path, rel(f.path)]));
  const renamed = (file: string) => readingFile.get(file) ?? rel(file);
  problems.push(...readingsResult.problems.map((p) => ({...p, file: renamed(p.file)})));
  for (const r of readingsResult.readings) if (readingFile.get(r.source.file) !== r.source.file) r.source = {file: renamed(r.source.file), line: r.source.line};
  for (const f of readingsResult.files) files.push({path: rel(f.path), kind: "readings", sha256: f.sha256, rows: f.rows});

  const certificates: Certificate[] = [];
  for (const path of await filesIn(join(dataDir, "certificates"), ".json")) {
    const text = await read(path, "certificate");
    if (text === null) continue;
    const parsed = parseCertificate(text, rel(path));
    problems.push(...parsed.problems);
    if (parsed.certificate) certificates.push(parsed.certificate);
    files.at(-1)!.rows = parsed.certificate ? parsed.certificate.reference_points.length : null;
  }

  const deployments: Deployment[] = [];
  const deploymentPaths = await filesIn(join(dataDir, "deployments"), ".csv");
  for (const path of deploymentPaths) {
    const text = await read(path, "deployments");
    if (text === null) continue;
    const parsed = parseDeploymentLog(text, rel(path));
    problems.push(...parsed.problems);
    deployments.push(...parsed.deployments);
    files.at(-1)!.rows = parsed.deployments.length;
  }


  const everydayPath = join(dataDir, "everyday-doses.json");
  const everydayText = await read(everydayPath, "everyday-doses");
  const everyday = everydayText === null ? null : loadEverydayDoses(everydayText, rel(everydayPath));
  if (everyday) {
    problems.push(...everyday.problems);
    files.at(-1)!.rows = everyday.doses.length;
  }

  const policyPaths = await filesIn(join(dataDir, "policy"), ".txt");
  if (policyPaths.length === 0) {
    problems.push({severity: "warning", code: "no-policy-text", file: rel(join(dataDir, "policy")), message: "holds no policy text (.txt), so the policy's claims cannot be checked; add the programme's policy as plain text"});
  }
  const ordered = orderPolicyVersions(policyPaths.map(rel));
  problems.push(...ordered.problems);
  const policies: PolicyText[] = [];
  for (const v of ordered.versions) {
    const text = (await read(policyPaths.find((p) => rel(p) === v.path)!, "policy")) ?? "";
    // A text the claims check cannot read at all (no health-and-safety section, no dose in it) stops the build.
    problems.push(...policyTextProblems(extractStatements(text), v.path));
    policies.push({...v, text});
  }

  const briefingPath = join(dataDir, "briefing.json");
  let previousBriefing: string | null = null;
  // No briefing file: the briefing has nothing to compare with, and says so.
  const briefingKind = await inspectPath(briefingPath);
  if (!(briefingKind.kind === "refused" && /^no such file/.test(briefingKind.problem.message))) {
    const input = await readInput(briefingPath);
    if (!input.ok) problems.push({...input.problem, file: rel(briefingPath)});
    else {
      const text = decode(input.bytes, rel(briefingPath), problems);
      if (text !== null) previousBriefing = readBriefing(text, rel(briefingPath), problems);
    }
  }

  // Reviews are optional: a folder without reviews.csv has none. They are checked against the readings just read.
  const reviewsPath = join(dataDir, REVIEW_FILE);
  let reviews: Review[] = [];
  const reviewsKind = await inspectPath(reviewsPath);
  if (!(reviewsKind.kind === "refused" && /^no such file/.test(reviewsKind.problem.message))) {
    const text = await read(reviewsPath, "reviews");
    if (text !== null) {
      const byId = new Map(readingsResult.readings.map((r) => [r.reading_id, r]));
      const parsed = parseReviews(text, rel(reviewsPath), {now: options.now, readings: byId});
      problems.push(...parsed.problems);
      reviews = parsed.reviews;
      files.at(-1)!.rows = parsed.reviews.length;
    }
  }

  problems.push(...crossFileProblems({
    readings: readingsResult.readings, certificates, deployments,
    deploymentsPlace: rel(deploymentPaths[0] ?? join(dataDir, "deployments"))
  }));

  const manifest = manifestRead?.manifest ?? null;
  if (hasErrors(problems) || !limits || !everyday || !manifest) return {dataset: null, problems};
  const dataset: Dataset = {
    manifest,
    readings: readingsResult.readings,
    certificates,
    deployments,
    limits,
    everyday: everyday.doses,
    policies,
    previousBriefing,
    reviews,
    files: files.sort((a, b) => a.path.localeCompare(b.path)),
    problems
  };
  return {dataset, problems};
}
