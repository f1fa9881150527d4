// The reader's choice of dose units, site-wide: SI (µSv), conventional US (mrem), or both. Remembered in the browser's
// local storage (no cookie, nothing sent anywhere), so every page opens in the units chosen on any other. Each page
// shows the toggle at its top and reads its value reactively (`const units = view(unitToggle(...))`): every figure,
// table and axis drawn from `units` follows it. No inline handlers: listeners are attached here (the site's CSP).
export type UnitSystem = "si" | "us" | "both";
export const UNIT_SYSTEMS: readonly UnitSystem[] = ["si", "us", "both"];
export const UNITS_STORAGE_KEY = "mobile-xray-safety.units";

const LABELS: Record<UnitSystem, string> = {si: "µSv (SI)", us: "mrem (US)", both: "both"};

/** The stored choice, or null when none was made (or storage is unavailable: private modes may refuse it). */
export function storedUnits(storage: Pick<Storage, "getItem"> | null = globalStorage()): UnitSystem | null {
  try {
    const v = storage?.getItem(UNITS_STORAGE_KEY) ?? null;
    return UNIT_SYSTEMS.includes(v as UnitSystem) ? (v as UnitSystem) : null;
  } catch {
    return null;
  }
}

export function storeUnits(units: UnitSystem, storage: Pick<Storage, "setItem"> | null = globalStorage()): void {
  try {
    storage?.setItem(UNITS_STORAGE_KEY, units);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}

function globalStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/**
 * A radio group whose `value` is the unit system, firing "input" when it changes (an Observable view). It opens on the
 * stored choice, else on `defaultUnits` (public pages: "both", where space allows).
 */
export function unitToggle(options: {defaultUnits?: UnitSystem; document?: Document; storage?: Storage | null} = {}): HTMLFormElement & {value: UnitSystem} {
  const doc = options.document ?? document;
  const storage = options.storage === undefined ? globalStorage() : options.storage;
  const form = doc.createElement("form") as HTMLFormElement & {value: UnitSystem};
  form.className = "unit-toggle no-print";
  const fieldset = doc.createElement("fieldset");
  const legend = doc.createElement("legend");
  legend.textContent = "Dose units";
  fieldset.append(legend);
  form.value = storedUnits(storage) ?? options.defaultUnits ?? "si";
  for (const units of UNIT_SYSTEMS) {
    const label = doc.createElement("label");
    const input = doc.createElement("input");
    input.type = "radio";
    input.name = "units";
    input.value = units;
    input.checked = units === form.value;
    label.append(input, ` ${LABELS[units]}`);
    fieldset.append(label);
  }
  form.append(fieldset);
  // Registered before any listener of the page's, so `value` is current when they read it.
  form.addEventListener("input", (event) => {
    const chosen = (event.target as HTMLInputElement).value as UnitSystem;
    if (!UNIT_SYSTEMS.includes(chosen)) return;
    form.value = chosen;
    storeUnits(chosen, storage);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  return form;
}
