// `xray-dose convert "0.016 mrem" --to uSv`: unit conversions, and conversions between kinds of dose quantity
// (exposure, air kerma, H*(10), Hp(10), effective dose) only when the physics assumption is stated on the command
// line; every coefficient used is printed with its source.
import {parseOptions, UsageError, type Command, type Io} from "../command.js";
import {convertDose, PhysicsError} from "../../lib/physics/index.js";
import {QUANTITIES, type Quantity} from "../../lib/readings/types.js";
import {finiteResult, rangedQuantity} from "../options.js";
import {CANONICAL_UNIT, convert, describeDimensionName, dimensionOf, parseQuantity, parseUnit, toCanonical, type Dimension} from "../../lib/units/index.js";

const HELP = `Usage: xray-dose convert "VALUE UNIT" --to UNIT [options]

Converts a quantity to another unit:
  xray-dose convert "0.016 mrem" --to uSv          -> 0.16 uSv
  xray-dose convert "2 mR/h" --to uR/h

Converting between kinds of quantity is physics, not a unit conversion, and needs the assumption named:
  xray-dose convert "5 mR" --to uGy --dry-air
  xray-dose convert "0.5 uSv" --to uSv --to-quantity effective --effective-energy 60keV
  xray-dose convert "10 uR" --to nSv --to-quantity effective --effective-energy 60keV --geometry PA
Each step prints its coefficient and source.

Options:
  --to UNIT                 the unit to convert to (required)
  --quantity Q              what VALUE measures: ${QUANTITIES.join(", ")}
                            (default from the unit: Sv and rem H*(10), Gy air-kerma, R exposure)
  --to-quantity Q           what to convert to (default: the same quantity when the units are of one kind,
                            else from the --to unit as above)
  --effective-energy E      effective photon energy of the beam, e.g. 60keV: needed between air kerma and
                            H*(10), Hp(10) or effective dose (ICRP 74, ICRP 116, NIST tables)
  --geometry G              body orientation for effective dose (ICRP 116): AP (default), PA, LLAT, RLAT,
                            ROT, ISO; other than AP only at 60 keV
  --dry-air                 accept exposure <-> air kerma in dry air (8.76 mGy/R; W/e = 33.97 J/C)
  -h, --help                show this help`;

// Each dose dimension and its rate, with the quantity a unit of it carries by default.
const DOSE_KIND: Partial<Record<Dimension, {base: Dimension; rate: boolean}>> = {
  "dose-equivalent": {base: "dose-equivalent", rate: false},
  "absorbed-dose": {base: "absorbed-dose", rate: false},
  exposure: {base: "exposure", rate: false},
  "dose-equivalent-rate": {base: "dose-equivalent", rate: true},
  "absorbed-dose-rate": {base: "absorbed-dose", rate: true},
  "exposure-rate": {base: "exposure", rate: true}
};
const DEFAULT_QUANTITY: Record<string, Quantity> = {"dose-equivalent": "H*(10)", "absorbed-dose": "air-kerma", exposure: "exposure"};
const BASE_OF_QUANTITY: Record<Quantity, Dimension> = {
  "H*(10)": "dose-equivalent", "Hp(10)": "dose-equivalent", effective: "dose-equivalent", "air-kerma": "absorbed-dose", exposure: "exposure"
};

/** Twelve significant digits: enough for any dosimetry, and it hides binary rounding (0.16000000000000003). */
function show(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function readQuantityOption(text: string | undefined, option: string): Quantity | undefined {
  if (text === undefined) return undefined;
  const match = QUANTITIES.find((q) => q.toLowerCase() === text.toLowerCase());
  if (!match) throw new UsageError(`${option} "${text}" is not a quantity; use one of ${QUANTITIES.join(", ")}`);
  return match;
}

export const convertCommand: Command = {
  name: "convert",
  summary: "convert a dose between units, or between quantities with a stated assumption",
  help: HELP,
  async run(args: string[], io: Io): Promise<number> {
    const {values, positionals} = parseOptions(args, {
      to: {type: "string"},
      quantity: {type: "string"},
      "to-quantity": {type: "string"},
      "effective-energy": {type: "string"},
      geometry: {type: "string"},
      "dry-air": {type: "boolean"}
    });
    if (positionals.length !== 1) throw new UsageError(`give one quantity in quotes, such as "0.016 mrem"; got ${positionals.length}`);
    if (values.to === undefined) throw new UsageError("say which unit to convert to with --to, such as --to uSv");
    const input = parseQuantity(positionals[0]!);
    // A conversion that overflows or underflows a double is a usage error, never "Infinity" with exit 0.
    const checked = (value: number) => finiteResult("convert", positionals[0]!, value, input.toNumber() !== 0);
    const target = parseUnit(values.to);
    const dimIn = dimensionOf(input);
    const dimOut = dimensionOf(target);
    const fromOption = readQuantityOption(values.quantity, "--quantity");
    const toOption = readQuantityOption(values["to-quantity"], "--to-quantity");
    const kindIn = dimIn ? DOSE_KIND[dimIn] : undefined;
    const kindOut = dimOut ? DOSE_KIND[dimOut] : undefined;

    // Not a dose: a plain unit conversion or nothing.
    if (!kindIn || !kindOut) {
      if (fromOption || toOption) throw new UsageError("--quantity and --to-quantity apply to doses and dose rates only");
      if (dimIn === null || dimIn !== dimOut) {
        throw new UsageError(`cannot convert ${positionals[0]} to ${values.to}: ${dimIn ? describeDimensionName(dimIn) : "that quantity"} is not ${dimOut ? describeDimensionName(dimOut) : "what that unit measures"}`);
      }
      io.stdout(`${show(checked(convert(input.toNumber(), input.formatUnits(), values.to)))} ${values.to}`);
      return 0;
    }
    if (kindIn.rate !== kindOut.rate) {
      throw new UsageError(`cannot convert ${positionals[0]} to ${values.to}: one is a dose and the other a dose rate`);
    }

    const fromQuantity = fromOption ?? DEFAULT_QUANTITY[kindIn.base]!;
    const toQuantity = toOption ?? (kindIn.base === kindOut.base ? fromQuantity : DEFAULT_QUANTITY[kindOut.base]!);
    if (BASE_OF_QUANTITY[fromQuantity] !== kindIn.base) throw new UsageError(`--quantity ${fromQuantity} is not measured in ${input.formatUnits()}`);
    if (BASE_OF_QUANTITY[toQuantity] !== kindOut.base) throw new UsageError(`--to-quantity ${toQuantity} is not measured in ${values.to}`);

    if (fromQuantity === toQuantity) {
      io.stdout(`${show(checked(convert(input.toNumber(), input.formatUnits(), values.to)))} ${values.to}`);
      return 0;
    }

    // A change of quantity: physics, with its assumption on the command line.
    let effectiveEnergy_keV: number | undefined;
    if (values["effective-energy"] !== undefined) {
      // mathjs gives 60keV as 59.99999999999999 keV (binary prefix arithmetic), which would miss the tabulated
      // 60 keV point; 15 significant digits recover the decimal the user wrote.
      effectiveEnergy_keV = Number(rangedQuantity("effective-energy", values["effective-energy"], "energy").toPrecision(15));
    }
    if (effectiveEnergy_keV === undefined && !values["dry-air"]) {
      throw new UsageError(
        `${fromQuantity} to ${toQuantity} is a change of quantity, not of unit; state the assumption: --effective-energy (e.g. 60keV) for steps that depend on the photon energy, or --dry-air for exposure <-> air kerma`
      );
    }
    const value_canonical = toCanonical(input, dimIn!);
    let result;
    try {
      result = convertDose(value_canonical, fromQuantity, toQuantity, {effectiveEnergy_keV, geometry: values.geometry});
    } catch (error) {
      if (error instanceof PhysicsError) throw new UsageError(error.message);
      throw error;
    }
    const out = checked(convert(result.value, CANONICAL_UNIT[dimOut!], values.to));
    io.stdout(
      [
        `${show(out)} ${values.to} (${toQuantity}, from ${positionals[0]} of ${fromQuantity})`,
        ...result.steps.map((s, k) => `  step ${k + 1}: ${s.from} -> ${s.to}: × ${show(Number(s.coefficient.toPrecision(6)))} ${s.unit} (${s.source})`)
      ].join("\n")
    );
    return 0;
  }
};
