/** The file types a staff member can upload, keyed by a short id. */
export const FILE_TYPES = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"] },
  png: { contentType: "image/png", extensions: ["png"] },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  gif: { contentType: "image/gif", extensions: ["gif"] },
  webp: { contentType: "image/webp", extensions: ["webp"] },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
  },
  odt: { contentType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  odp: { contentType: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"] },
  doc: { contentType: "application/msword", extensions: ["doc"] },
  xls: { contentType: "application/vnd.ms-excel", extensions: ["xls"] },
  ppt: { contentType: "application/vnd.ms-powerpoint", extensions: ["ppt"] },
  rtf: { contentType: "application/rtf", extensions: ["rtf"] },
  text: { contentType: "text/plain", extensions: ["txt"] },
  csv: { contentType: "text/csv", extensions: ["csv"] },
} as const satisfies Record<string, { contentType: string; extensions: readonly string[] }>;

export type FileTypeId = keyof typeof FILE_TYPES;

/** Types stored in a ZIP container; their entries are checked once the whole file has arrived. */
export const ZIP_TYPES = ["docx", "xlsx", "pptx", "odt", "ods", "odp"] as const satisfies readonly FileTypeId[];
export type ZipTypeId = (typeof ZIP_TYPES)[number];

/** Types stored in an OLE2 compound file (Office 97–2003), distinguished only by the file name's extension. */
const OLE2_TYPES = ["doc", "xls", "ppt"] as const satisfies readonly FileTypeId[];

/** Reasons for rejecting an upload. Each has its own message in the dictionary. */
export const REJECTION_REASONS = [
  "missing_file",
  "missing_length",
  "name_too_long",
  "interrupted",
  "empty",
  "too_large",
  "html",
  "svg",
  "script",
  "executable",
  "archive",
  "extension_mismatch",
  "unsupported_type",
  "damaged_office_file",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type Detection =
  | { ok: true; type: FileTypeId }
  | { ok: false; reason: RejectionReason; detected?: FileTypeId; extension?: string };

const HTML_EXTENSIONS = new Set(["html", "htm", "xhtml", "shtml", "mht", "mhtml", "hta"]);
const SVG_EXTENSIONS = new Set(["svg", "svgz"]);
const SCRIPT_EXTENSIONS = new Set([
  "js",
  "mjs",
  "cjs",
  "vbs",
  "vbe",
  "wsf",
  "ps1",
  "psm1",
  "sh",
  "bash",
  "zsh",
  "bat",
  "cmd",
  "py",
  "pl",
  "rb",
  "php",
  "jar",
]);
const EXECUTABLE_EXTENSIONS = new Set(["exe", "dll", "com", "scr", "msi", "cpl", "app", "elf", "bin", "so", "dylib"]);

/** Returns the lower-cased extension of a file name without the dot, or "" when it has none. */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 || dot === fileName.length - 1 ? "" : fileName.slice(dot + 1).toLowerCase();
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.byteLength < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  ascii("MZ"), // Windows PE and DOS programs
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O, 32 and 64 bit, both byte orders
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal binary and Java class file
];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Returns the type that the first bytes prove, or null when the bytes are not a binary type we know. */
function binaryType(head: Uint8Array): FileTypeId | null {
  if (startsWith(head, ascii("%PDF-"))) return "pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))) return "gif";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "webp";
  if (startsWith(head, ascii("{\\rtf"))) return "rtf";
  return null;
}

/**
 * Decodes the first bytes for the markup check: as UTF-16 after a UTF-16 byte order mark, else
 * as UTF-8 with invalid bytes replaced, which keeps the ASCII markup of Windows-1252 text intact.
 */
function headText(head: Uint8Array): string {
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(head);
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(head);
  return new TextDecoder("utf-8").decode(head);
}

/** Returns the reason to reject text that a browser would run or render as a page, or null. */
function markupRejection(text: string): RejectionReason | null {
  const lower = text.toLowerCase();
  if (lower.includes("<svg")) return "svg";
  if (/<!doctype\s+html|<html|<head[\s>]|<body[\s>]|<iframe|<frameset|<object[\s>]|<embed[\s>]/.test(lower)) {
    return "html";
  }
  if (lower.includes("<script")) return "script";
  if (lower.trimStart().startsWith("<?xml")) return "unsupported_type";
  return null;
}

/** Returns whether a character code may appear in plain text: no NUL and no controls besides tab, line breaks and form feed. */
function isTextCode(code: number): boolean {
  return (code >= 0x20 && code !== 0x7f) || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function isPlainText(head: Uint8Array): boolean {
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16) return head.every(isTextCode);
  const text = headText(head).replace(/^\ufeff/, "");
  for (let index = 0; index < text.length; index += 1) if (!isTextCode(text.charCodeAt(index))) return false;
  return true;
}

function rejectionForExtension(extension: string): RejectionReason | null {
  if (HTML_EXTENSIONS.has(extension)) return "html";
  if (SVG_EXTENSIONS.has(extension)) return "svg";
  if (SCRIPT_EXTENSIONS.has(extension)) return "script";
  if (EXECUTABLE_EXTENSIONS.has(extension)) return "executable";
  return null;
}

function withExtension(type: FileTypeId, extension: string): Detection {
  const extensions: readonly string[] = FILE_TYPES[type].extensions;
  if (extensions.includes(extension)) return { ok: true, type };
  return { ok: false, reason: rejectionForExtension(extension) ?? "extension_mismatch", detected: type, extension };
}

/**
 * Decides the type of an upload from its first bytes (`head`, up to a few kilobytes) and the
 * extension of its name. The bytes decide: a name never makes HTML, SVG, a script or a program
 * acceptable, and a name that does not fit the bytes is rejected too. ZIP-based types get a
 * provisional result here, and `checkZipEntries` confirms them when the whole file has arrived.
 */
export function detectFileType(head: Uint8Array, fileName: string): Detection {
  const extension = fileExtension(fileName);
  if (head.byteLength === 0) return { ok: false, reason: "empty" };

  if (EXECUTABLE_SIGNATURES.some((signature) => startsWith(head, signature))) {
    return { ok: false, reason: "executable" };
  }
  if (startsWith(head, ascii("#!"))) return { ok: false, reason: "script" };

  const binary = binaryType(head);
  if (binary) return withExtension(binary, extension);

  if (startsWith(head, ZIP_SIGNATURE)) {
    const zipType = ZIP_TYPES.find((type) => (FILE_TYPES[type].extensions as readonly string[]).includes(extension));
    return zipType ? { ok: true, type: zipType } : { ok: false, reason: "archive", extension };
  }
  if (startsWith(head, OLE2_SIGNATURE)) {
    const oleType = OLE2_TYPES.find((type) => (FILE_TYPES[type].extensions as readonly string[]).includes(extension));
    return oleType ? { ok: true, type: oleType } : { ok: false, reason: "unsupported_type", extension };
  }

  const markup = markupRejection(headText(head));
  if (markup) return { ok: false, reason: markup };
  if (!isPlainText(head)) return { ok: false, reason: rejectionForExtension(extension) ?? "unsupported_type" };

  if (extension === "csv") return { ok: true, type: "csv" };
  return withExtension("text", extension);
}
