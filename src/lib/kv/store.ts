import { env } from "cloudflare:workers";

/** KV's minimum time-to-live for a key, in seconds. */
const KV_MIN_TTL_SECONDS = 60;

/**
 * Typed access to the `KV` binding. KV is eventually consistent (a write can take a minute to show
 * elsewhere), so it only holds data whose staleness is harmless; it never decides single use.
 */
export async function readJson<T>(key: string, binding: KVNamespace = env.KV): Promise<T | null> {
  return binding.get<T>(key, "json");
}

/** Stores `value` as JSON under `key`, deleted by KV after `ttlSeconds` (at least 60). */
export async function writeJson(key: string, value: unknown, ttlSeconds: number, binding: KVNamespace = env.KV) {
  await binding.put(key, JSON.stringify(value), { expirationTtl: Math.max(KV_MIN_TTL_SECONDS, Math.ceil(ttlSeconds)) });
}

export async function deleteKey(key: string, binding: KVNamespace = env.KV) {
  await binding.delete(key);
}

/** Lists the keys under `prefix` in key order, up to `limit`. */
export async function listKeys(prefix: string, limit: number, binding: KVNamespace = env.KV): Promise<string[]> {
  const result = await binding.list({ prefix, limit });
  return result.keys.map((key) => key.name);
}
