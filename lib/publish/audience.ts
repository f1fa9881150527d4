// Who a build is for. The public build is the default, so forgetting the variable can only hide data, never leak it.
export type Audience = "public" | "internal";

export function audienceFromEnv(env: Record<string, string | undefined>): Audience {
  const value = env.XRAY_AUDIENCE ?? "public";
  if (value === "public" || value === "internal") return value;
  throw new Error(`XRAY_AUDIENCE must be "public" or "internal", not "${value}".`);
}
