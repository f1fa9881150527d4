// The few facts the overview page states about the programme, without the whole publication (560 kB) on a phone.
import {runLoader} from "./loader-runtime.js";
import {publishFromDisk} from "./publish-from-disk.js";

await runLoader(async () => {
  const {publication: p} = await publishFromDisk();
  return JSON.stringify({
    programme: p.programme,
    agency: p.agency,
    jurisdiction: p.jurisdiction,
    devices: p.devices.map((d) => d.device_id),
    bodies: [...new Set(p.limits.map((l) => l.body))],
    policy_distances: p.policy_figures.map((f) => f.label.replace(/ for .*/, ""))
  }) + "\n";
});
