/**
 * Environment variables that override the settings file, so keys need not sit in a file and one
 * build can point at a provider's real API or a simulator by base URL alone.
 */
export const ENV_OVERRIDES = {
  OPN_SECRET_KEY: ['providers', 'opn', 'secretKey'],
  OPN_BASE_URL: ['providers', 'opn', 'baseUrl'],
  ORANGEPILL_API_KEY: ['providers', 'orangepill', 'apiKey'],
  ORANGEPILL_BASE_URL: ['providers', 'orangepill', 'baseUrl'],
  ORANGEPILL_MERCHANT_ALIAS: ['providers', 'orangepill', 'merchantAlias'],
} as const;

type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns a copy of the raw settings with every set override applied; the schema validates it after. */
export function applyEnvOverrides(raw: unknown, env: Readonly<Record<string, string | undefined>>): unknown {
  if (!isObject(raw)) return raw;
  const result: Json = structuredClone(raw);
  for (const [name, path] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    let node = result;
    for (const key of path.slice(0, -1)) {
      const child = node[key];
      node[key] = isObject(child) ? child : {};
      node = node[key] as Json;
    }
    node[path[path.length - 1] ?? ''] = value;
  }
  return result;
}
