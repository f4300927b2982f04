import type { Practice } from "../../../../db/schema";

/** Returns the version part of a logo's R2 key (`logos/{uuid}` gives the uuid). */
export function logoVersion(storageKey: string): string {
  return storageKey.slice(storageKey.lastIndexOf("/") + 1);
}

/**
 * Returns the same-origin path of the practice's logo, or null when it has none. The path
 * changes with every upload, so browsers may cache each version for a long time.
 */
export function logoPath(practice: Pick<Practice, "logoStorageKey">): string | null {
  if (!practice.logoStorageKey) return null;
  return `/logo?v=${encodeURIComponent(logoVersion(practice.logoStorageKey))}`;
}
