// `xray-dose init DIR`: a new, empty data folder for a real programme.
import {mkdir, readdir, readFile, stat, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import type {Command, Io} from "../command.js";
import {parseOptions, UsageError} from "../command.js";
import {initFiles} from "../../lib/programme/init.js";
import {MANIFEST_FILE, PLACEHOLDER, normaliseSiteUrl, parseManifest} from "../../lib/programme/manifest.js";

const PROJECT_DATA = new URL("../../data/", import.meta.url);

const HELP = `Usage: xray-dose init DIR [--programme TEXT] [--agency TEXT] [--jurisdiction TEXT] [--site-url URL]

Creates DIR as an empty data folder for a real programme (docs/data-formats.md, "The data folder"):
  dataset.json          the programme, its agency and jurisdiction, the limits that apply (all of
                        limits.json to start with: remove those that do not apply), not synthetic
  limits.json           a copy of the project's cited limits, which the programme may edit
  everyday-doses.json   a copy of the project's cited everyday doses
  readings/readings.csv, deployments/deployments.csv, reviews.csv   header-only templates
  certificates/certificate.json.template              the fields of a certificate
  policy/               for the programme's policy text
  README.md             what goes where, and what to run next
Values not given as options are written as "${PLACEHOLDER}: ..." in dataset.json, which validation refuses until
they are replaced.

Then: add readings, run \`xray-dose validate DIR\`, \`xray-dose compliance DIR\`, and build the site
with \`XRAY_DATA_DIR=DIR npm run build\`.

Exit status: 0 created, 1 DIR exists and is not an empty folder (nothing is written), 2 a usage error.

Options:
  --programme TEXT     the programme's name
  --agency TEXT        who runs the programme
  --jurisdiction TEXT  where it operates, whose law applies
  --site-url URL       where the public site will be published (the briefing PDF links there)
  -h, --help           show this help`;

async function emptyOrAbsent(dir: string): Promise<string | null> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    return null;
  }
  if (!info.isDirectory()) return `${dir} exists and is not a folder; name a new folder`;
  const entries = await readdir(dir);
  return entries.length > 0 ? `${dir} is not empty (${entries.length} entr${entries.length === 1 ? "y" : "ies"}); init never overwrites anything: name a new or empty folder` : null;
}

export const initCommand: Command = {
  name: "init",
  summary: "create an empty data folder for a real programme (manifest, limits, templates)",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const {values, positionals} = parseOptions(args, {
      programme: {type: "string"}, agency: {type: "string"}, jurisdiction: {type: "string"}, "site-url": {type: "string"}
    });
    if (positionals.length !== 1) throw new UsageError("name the one folder to create, such as my-programme");
    const dir = positionals[0]!;
    const refusal = await emptyOrAbsent(dir);
    if (refusal) {
      io.stderr(`xray-dose init: ${refusal}`);
      return 1;
    }
    const files = initFiles({
      programme: values.programme, agency: values.agency, jurisdiction: values.jurisdiction, site_url: values["site-url"] === undefined ? null : normaliseSiteUrl(values["site-url"]),
      limitsJson: await readFile(new URL("limits.json", PROJECT_DATA), "utf8"),
      everydayJson: await readFile(new URL("everyday-doses.json", PROJECT_DATA), "utf8")
    });
    // An option with a bad value (a site address that is not one) is a usage error, found before anything is written.
    const wrong = parseManifest(files[0]!.content, MANIFEST_FILE, null).problems.filter((p) => p.severity === "error" && !p.message.startsWith("still holds the placeholder"));
    if (wrong.length > 0) throw new UsageError(wrong.map((p) => `${p.column === "$.site_url" ? "--site-url" : `--${p.column?.slice(2)}`}: ${p.message}`).join("; "));
    for (const file of files) {
      const path = join(dir, ...file.path.split("/"));
      await mkdir(dirname(path), {recursive: true});
      await writeFile(path, file.content, {flag: "wx"});
    }
    const placeholders = files[0]!.content.includes(PLACEHOLDER);
    io.stdout([
      `created ${dir}/ for a new programme:`,
      ...files.map((f) => `  ${f.path}`),
      ...(placeholders ? [`Replace the "${PLACEHOLDER}" values in ${dir}/dataset.json.`] : []),
      `Then add the readings to ${dir}/readings/ and run: xray-dose validate ${dir}`
    ].join("\n"));
    return 0;
  }
};
