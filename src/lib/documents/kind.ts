import type { DocumentKind } from "../../../db/schema";

const WORD_TYPES = new Set([
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
  "application/rtf",
]);
const EXCEL_TYPES = new Set([
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
]);
/** Image types a browser shows inline; SVG is excluded because it can carry scripts. */
const INLINE_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

/** Returns the kind shown to the client (PDF, image, Word, Excel, other) for a content type. */
export function documentKind(contentType: string): DocumentKind {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/pdf") return "pdf";
  if (INLINE_IMAGE_TYPES.has(type)) return "image";
  if (WORD_TYPES.has(type)) return "word";
  if (EXCEL_TYPES.has(type)) return "excel";
  return "other";
}

/** Returns whether the portal shows the file inside the page rather than only offering a download. */
export function isViewableInline(kind: DocumentKind): boolean {
  return kind === "pdf" || kind === "image";
}
