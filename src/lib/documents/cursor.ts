import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

/** Position after the last document of a page: its share time and id (the tie-breaker). */
export interface DocumentCursor {
  sharedAtMs: number;
  id: string;
}

/** Encodes a cursor as an opaque URL-safe string. */
export function encodeCursor(cursor: DocumentCursor): string {
  return encodeBase64urlNoPadding(new TextEncoder().encode(`${cursor.sharedAtMs}.${cursor.id}`));
}

/** Decodes a cursor, or returns null for anything a client may have tampered with. */
export function decodeCursor(value: string | null): DocumentCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(decodeBase64urlIgnorePadding(value));
    const match = /^(\d{1,15})\.([\w-]{1,64})$/.exec(text);
    if (!match?.[1] || !match[2]) return null;
    return { sharedAtMs: Number(match[1]), id: match[2] };
  } catch {
    return null;
  }
}
