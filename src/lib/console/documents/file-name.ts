import { MAX_FILE_NAME_CHARACTERS } from "./limits";

export type FileNameResult = { ok: true; fileName: string } | { ok: false; reason: "missing_file" | "name_too_long" };

/**
 * Cleans the original name of an uploaded file for storage and downloads. Any letters stay, as in
 * `Behandelplan – Jänsen (déf).pdf`. Removed are a folder path that old browsers send, control
 * characters, and bidirectional overrides, which could make `rapport<U+202E>fdp.exe` look like a PDF.
 */
export function cleanFileName(raw: string): FileNameResult {
  const withoutPath = raw.slice(Math.max(raw.lastIndexOf("/"), raw.lastIndexOf("\\")) + 1);
  const fileName = withoutPath
    .normalize("NFC")
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, "")
    .trim();

  if (fileName === "" || fileName === "." || fileName === "..") return { ok: false, reason: "missing_file" };
  if ([...fileName].length > MAX_FILE_NAME_CHARACTERS) return { ok: false, reason: "name_too_long" };
  return { ok: true, fileName };
}

/** Decodes the percent-encoded UTF-8 file name the upload island sends in a header, or null. */
export function decodeFileNameHeader(value: string | null): string | null {
  if (value === null) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
