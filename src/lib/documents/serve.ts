import { readObject } from "../files/r2";
import { contentDisposition } from "./content-disposition";
import { isViewableInline } from "./kind";
import { parseRange } from "./range";
import type { ClientDocument } from "./repository";

/**
 * Policy for a file shown inside the portal: nothing in it may run or load anything. PDFs are
 * framed by the document page, so same-origin framing is allowed for them.
 */
const INLINE_FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";
// NOTE: PDFs get no `sandbox` directive, because Chromium refuses to render a PDF under a
// sandboxing policy; the built-in PDF viewer runs the document isolated on its own.
const SANDBOXED_FILE_POLICY = `sandbox; ${INLINE_FILE_POLICY}`;
const DOWNLOAD_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

/**
 * Builds the response for a document's bytes: inline for PDFs and images unless a download is
 * requested, a download with the original name otherwise. Honours a single `Range` (206 with
 * `Content-Range`, 416 when unsatisfiable). Returns null when R2 has no object for the row.
 */
export async function documentFileResponse(
  document: ClientDocument,
  request: Request,
  options: { download: boolean },
): Promise<Response | null> {
  const inline = !options.download && isViewableInline(document.kind);
  const range = parseRange(request.headers.get("range"), document.sizeBytes);

  const headers = new Headers({
    "Content-Type": inline ? document.contentType : "application/octet-stream",
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", document.fileName),
    "Content-Security-Policy": inline
      ? document.kind === "pdf"
        ? INLINE_FILE_POLICY
        : SANDBOXED_FILE_POLICY
      : DOWNLOAD_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
  });
  if (inline) headers.set("X-Frame-Options", "SAMEORIGIN");

  if (range.kind === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${document.sizeBytes}`);
    return new Response(null, { status: 416, headers });
  }

  const object = await readObject(document.storageKey, range.kind === "partial" ? range.range : undefined);
  if (!object) return null;

  if (range.kind === "partial") {
    const { start, end } = range.range;
    headers.set("Content-Range", `bytes ${start}-${end}/${document.sizeBytes}`);
    headers.set("Content-Length", String(end - start + 1));
    return new Response(request.method === "HEAD" ? null : object.body, { status: 206, headers });
  }

  headers.set("Content-Length", String(document.sizeBytes));
  return new Response(request.method === "HEAD" ? null : object.body, { status: 200, headers });
}
