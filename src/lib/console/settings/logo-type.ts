/** Largest logo accepted, in bytes (1 MB as 1024 × 1024 bytes). */
export const MAX_LOGO_BYTES = 1024 * 1024;

export type LogoContentType = "image/png" | "image/jpeg" | "image/webp";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/**
 * Returns the image type that the file's first bytes show, or null for anything else. The name
 * and the type the browser sent are ignored: an SVG or an HTML page renamed `.png` is rejected,
 * because SVG and HTML can carry scripts.
 */
export function detectLogoType(bytes: Uint8Array): LogoContentType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return "image/png";
  if (startsWith(bytes, JPEG_SIGNATURE)) return "image/jpeg";
  if (bytes.byteLength >= 12 && startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  return null;
}

const LOGO_CONTENT_TYPES = new Set<string>(["image/png", "image/jpeg", "image/webp"]);

export function isLogoContentType(value: string | undefined): value is LogoContentType {
  return value !== undefined && LOGO_CONTENT_TYPES.has(value);
}
