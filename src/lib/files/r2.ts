import { env } from "cloudflare:workers";

import type { ByteRange } from "../documents/range";

/**
 * Typed access to the `FILES` bucket. Keys are opaque ids (`documents/{uuid}`), never file names
 * or client data, so the bucket listing reveals nothing.
 */
export function newStorageKey(prefix: "documents" | "logos"): string {
  return `${prefix}/${crypto.randomUUID()}`;
}

/** Reads an object, or the inclusive byte `range` of it; null when the object is missing. */
export async function readObject(key: string, range?: ByteRange, bucket: R2Bucket = env.FILES) {
  const options = range ? { range: { offset: range.start, length: range.end - range.start + 1 } } : undefined;
  return bucket.get(key, options);
}

export async function writeObject(
  key: string,
  body: ReadableStream | ArrayBuffer | Uint8Array | string,
  contentType: string,
  bucket: R2Bucket = env.FILES,
) {
  return bucket.put(key, body, { httpMetadata: { contentType } });
}
