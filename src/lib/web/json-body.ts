import { AppError } from "../http/errors";

/**
 * Reads a JSON request body of at most `maxBytes`. A wrong content type, an oversized or a
 * malformed body raises an `AppError` with the matching code (415, 413, 400).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/json")) throw new AppError("unsupported_media_type");

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large");

  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new AppError("payload_too_large");

  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("invalid_input", "request body is not valid UTF-8 JSON");
  }
}
