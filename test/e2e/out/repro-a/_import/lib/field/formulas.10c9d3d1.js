export const MODEL_PARAMETERS = {
  "inverse-square": { scale: "S" },
  "inverse-square-offset": { scale: "S", shape: "r0" },
  "power-law": { scale: "k", shape: "n" },
  "inverse-square-air": { scale: "S" }
};
export function modelRate(model, scale, shape, mu_per_m, r_m) {
  switch (model) {
    case "inverse-square":
      return scale / (r_m * r_m);
    case "inverse-square-offset": {
      const d = r_m + shape;
      return scale / (d * d);
    }
    case "power-law":
      return scale * Math.pow(r_m, -shape);
    case "inverse-square-air":
      return scale * Math.exp(-mu_per_m * r_m) / (r_m * r_m);
  }
}
export function parameterIndices(field) {
  const spec = MODEL_PARAMETERS[field.model];
  if (spec === void 0) throw new Error(`unknown dose model "${field.model}"`);
  const scale = field.parameterNames.indexOf(spec.scale);
  if (scale < 0) throw new Error(`${field.model} needs a parameter named "${spec.scale}" in parameterNames`);
  const shape = spec.shape === void 0 ? -1 : field.parameterNames.indexOf(spec.shape);
  if (spec.shape !== void 0 && shape < 0) throw new Error(`${field.model} needs a parameter named "${spec.shape}" in parameterNames`);
  if (field.model === "inverse-square-air" && !(Number.isFinite(field.mu_per_m) && field.mu_per_m >= 0)) {
    throw new Error("inverse-square-air needs mu_per_m (the attenuation coefficient of air, from the NIST table)");
  }
  return { scale, shape };
}
export function fieldFor(field, angle_deg) {
  if (field.sectors === void 0) return field;
  for (const sector of field.sectors) {
    const offset = ((angle_deg - sector.centre_deg + 180) % 360 + 360) % 360 - 180;
    if (offset >= -sector.width_deg / 2 && offset < sector.width_deg / 2) return sector.field;
  }
  return field;
}
export function rateAt(field, r_m, angle_deg = 0) {
  const f = fieldFor(field, angle_deg);
  const { scale, shape } = parameterIndices(f);
  const names = f.parameterNames;
  const s = f.parameters[names[scale]];
  const h = shape < 0 ? 0 : f.parameters[names[shape]];
  return modelRate(f.model, s, h, f.mu_per_m ?? 0, r_m);
}
export function angleOf(x_m, y_m) {
  const deg = Math.atan2(x_m, y_m) * 180 / Math.PI;
  return deg < 0 ? deg + 360 : deg;
}
export function distanceForRate(model, scale, shape, mu_per_m, rate_uSv_per_h) {
  if (!(rate_uSv_per_h > 0)) throw new Error(`the rate must be > 0, got ${rate_uSv_per_h}`);
  switch (model) {
    case "inverse-square":
      return Math.sqrt(scale / rate_uSv_per_h);
    case "inverse-square-offset":
      return Math.max(0, Math.sqrt(scale / rate_uSv_per_h) - shape);
    case "power-law":
      return Math.pow(scale / rate_uSv_per_h, 1 / shape);
    case "inverse-square-air": {
      let lo = 0;
      let hi = Math.sqrt(scale / rate_uSv_per_h);
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (scale * Math.exp(-mu_per_m * mid) / (mid * mid) > rate_uSv_per_h) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    }
  }
}
