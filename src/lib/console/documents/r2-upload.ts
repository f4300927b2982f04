import { env } from "cloudflare:workers";

/**
 * Size of each part when a stream of unknown length goes to R2 as a multipart upload, in bytes.
 * R2 needs every part but the last to be at least 5 MiB and all of the same size. One part is
 * the most that an upload keeps in memory.
 */
export const R2_PART_BYTES = 8 * 1024 * 1024;

/**
 * Streams `body` of exactly `length` bytes into R2 with one `put`. R2 only takes streams of known
 * length, so the bytes pass through a `FixedLengthStream`. When `body` errors, the put fails and
 * no object is stored; the error of `body` is the one raised.
 */
export async function putStream(
  key: string,
  body: ReadableStream<Uint8Array>,
  length: number,
  bucket: R2Bucket = env.FILES,
): Promise<void> {
  const fixed = new FixedLengthStream(length);
  const [piped, stored] = await Promise.allSettled([body.pipeTo(fixed.writable), bucket.put(key, fixed.readable)]);
  if (piped.status === "rejected") throw piped.reason;
  if (stored.status === "rejected") throw stored.reason;
}

/**
 * Streams `body` of unknown length into R2. A body that fits in one part is written with one
 * `put`. A longer one becomes a multipart upload of `R2_PART_BYTES` parts, which is aborted when
 * `body` errors, so a failed upload leaves no object behind.
 */
export async function putStreamOfUnknownLength(
  key: string,
  body: ReadableStream<Uint8Array>,
  bucket: R2Bucket = env.FILES,
): Promise<void> {
  const reader = body.getReader();
  let upload: R2MultipartUpload | null = null;
  const parts: R2UploadedPart[] = [];
  let buffer = new Uint8Array(R2_PART_BYTES);
  let filled = 0;

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;

      let offset = 0;
      while (offset < value.byteLength) {
        const count = Math.min(value.byteLength - offset, R2_PART_BYTES - filled);
        buffer.set(value.subarray(offset, offset + count), filled);
        filled += count;
        offset += count;
        if (filled < R2_PART_BYTES) continue;

        upload ??= await bucket.createMultipartUpload(key);
        parts.push(await upload.uploadPart(parts.length + 1, buffer));
        buffer = new Uint8Array(R2_PART_BYTES);
        filled = 0;
      }
    }

    if (!upload) {
      await bucket.put(key, buffer.subarray(0, filled));
      return;
    }
    if (filled > 0) parts.push(await upload.uploadPart(parts.length + 1, buffer.subarray(0, filled)));
    await upload.complete(parts);
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    if (upload) {
      await upload.abort().catch((abortError: unknown) => {
        console.error(`[documents] aborting multipart upload failed key=${key}`, abortError);
      });
    }
    throw error;
  }
}

/** Deletes an object that was written but could not be recorded in D1. */
export async function deleteStoredObject(key: string, bucket: R2Bucket = env.FILES): Promise<void> {
  await bucket.delete(key);
}
