import { sql } from "drizzle-orm";

import type { Practice } from "../../../../db/schema";
import { runBatch } from "../../db/batch";
import { type Database, newId } from "../../db/client";
import { newStorageKey, writeObject } from "../../files/r2";
import { detectLogoType, MAX_LOGO_BYTES } from "./logo-type";

export type LogoError = "missing" | "too_large" | "unsupported_type" | "conflict";

export type LogoResult = { ok: true } | { ok: false; error: LogoError };

export interface LogoChange {
  practice: Practice;
  staffId: string;
  ipAddress: string;
  now: Date;
}

/**
 * Sets the practice's logo key to `newKey` (null removes the logo) and records the change, both
 * only while the stored key is still the one this request read. The two statements run in one
 * batch, so of two uploads at once exactly one wins. Returns whether this request won.
 */
async function swapLogoKey(db: Database, change: LogoChange, newKey: string | null): Promise<boolean> {
  const { practice } = change;
  const [, updated] = await runBatch(db, [
    sql`
      INSERT INTO audit_events (id, practice_id, actor_type, actor_id, action, target_type, target_id, detail, ip_address, created_at)
      SELECT ${newId()}, id, 'staff', ${change.staffId}, 'practice.settings_updated', 'practice', id,
        ${JSON.stringify({ fields: "logo" })}, ${change.ipAddress}, ${change.now.getTime()}
      FROM practices WHERE id = ${practice.id} AND logo_storage_key IS ${practice.logoStorageKey}
    `,
    sql`
      UPDATE practices SET logo_storage_key = ${newKey}
      WHERE id = ${practice.id} AND logo_storage_key IS ${practice.logoStorageKey}
      RETURNING id
    `,
  ]);
  return (updated?.results.length ?? 0) > 0;
}

/**
 * Stores an uploaded logo in R2 under a new opaque key and makes it the practice's logo, deleting
 * the old object. Only PNG, JPEG and WebP of at most 1 MB are accepted, recognised by their first
 * bytes. Any other file stores nothing.
 */
export async function replaceLogo(
  db: Database,
  bucket: R2Bucket,
  change: LogoChange,
  file: File | null,
): Promise<LogoResult> {
  if (!file || file.size === 0) return { ok: false, error: "missing" };
  if (file.size > MAX_LOGO_BYTES) return { ok: false, error: "too_large" };

  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = detectLogoType(bytes);
  if (!contentType) return { ok: false, error: "unsupported_type" };

  const key = newStorageKey("logos");
  await writeObject(key, bytes, contentType, bucket);
  const won = await swapLogoKey(db, change, key).catch(async (error: unknown) => {
    await bucket.delete(key);
    throw error;
  });
  if (!won) {
    await bucket.delete(key);
    return { ok: false, error: "conflict" };
  }

  if (change.practice.logoStorageKey) await bucket.delete(change.practice.logoStorageKey);
  console.info(`[console] logo replaced practice=${change.practice.id} staff=${change.staffId}`);
  return { ok: true };
}

/** Removes the practice's logo from the portal and deletes its object. */
export async function removeLogo(db: Database, bucket: R2Bucket, change: LogoChange): Promise<LogoResult> {
  const oldKey = change.practice.logoStorageKey;
  if (!oldKey) return { ok: true };

  const won = await swapLogoKey(db, change, null);
  if (!won) return { ok: false, error: "conflict" };

  await bucket.delete(oldKey);
  console.info(`[console] logo removed practice=${change.practice.id} staff=${change.staffId}`);
  return { ok: true };
}
