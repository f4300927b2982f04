/**
 * Builds a `Content-Disposition` header that keeps the original file name in every browser
 * (RFC 6266 with the RFC 5987 `filename*` parameter), plus an ASCII fallback for old clients:
 * `Behandelplan – Jänsen (déf).pdf` falls back to `Behandelplan - Jansen (def).pdf`.
 */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  return `${type}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** Returns the name with accents removed and anything else outside printable ASCII replaced. */
export function asciiFallback(fileName: string): string {
  const fallback = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_")
    .trim();
  return fallback === "" ? "document" : fallback;
}

/** Percent-encodes a value for `filename*`, which allows only `attr-char` unencoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
