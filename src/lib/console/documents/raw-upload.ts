import type { Client } from "../../../../db/schema";
import type { Database } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import type { StaffContext } from "../staff-context";
import { decodeFileNameHeader } from "./file-name";
import { MAX_DOCUMENT_BYTES } from "./limits";
import { rejectionResponse } from "./rejection";
import { clientReturnPath, withNotice } from "./return-path";
import { recordUploadedDocument, storeUploadedFile } from "./upload";

/** Header that carries the original file name, percent-encoded UTF-8 (`encodeURIComponent`). */
export const FILE_NAME_HEADER = "X-File-Name";

/**
 * Returns whether a request came from a page of this origin. Astro checks the Origin only for
 * form content types, and the upload island sends the file as raw bytes, so its endpoint checks
 * the Origin here.
 */
export function isSameOriginRequest(request: Request, url: URL): boolean {
  return request.headers.get("origin") === url.origin;
}

interface RawUploadInput {
  staff: StaffContext;
  client: Client;
  request: Request;
  url: URL;
  locale: Locale;
  ipAddress: string;
  now: Date;
}

/**
 * Stores a file sent as the raw request body (the upload island's XMLHttpRequest), named by
 * the `X-File-Name` header, with `?share=1` and `?acknowledgement=1` for the options. The
 * Content-Length is required: it is checked against the limit before any byte is read, and R2
 * receives the body as a stream of that length. Responds with 201 and the document, or with
 * the JSON error of the rejection (413 too large, 415 wrong type, 400 otherwise).
 */
export async function handleRawUpload(db: Database, input: RawUploadInput): Promise<Response> {
  const { request, url, locale } = input;
  const lengthHeader = request.headers.get("content-length");
  const length = lengthHeader === null || !/^\d+$/.test(lengthHeader) ? null : Number(lengthHeader);
  const reject = (reason: "missing_length" | "too_large" | "missing_file" | "empty") => {
    void request.body?.cancel().catch(() => undefined);
    return rejectionResponse(locale, { ok: false, reason });
  };

  if (length === null) return reject("missing_length");
  if (length > MAX_DOCUMENT_BYTES) return reject("too_large");
  const fileName = decodeFileNameHeader(request.headers.get(FILE_NAME_HEADER));
  if (fileName === null) return reject("missing_file");
  if (length === 0 || !request.body) return reject("empty");

  const stored = await storeUploadedFile({ fileName, body: request.body, length });
  if (!stored.ok) return rejectionResponse(locale, stored.rejection);

  const share = url.searchParams.get("share") === "1";
  const requestAcknowledgement = url.searchParams.get("acknowledgement") === "1";
  const documentId = await recordUploadedDocument(
    db,
    {
      practiceId: input.client.practiceId,
      clientId: input.client.id,
      staffId: input.staff.member.id,
      ipAddress: input.ipAddress,
      now: input.now,
      share,
      requestAcknowledgement,
    },
    stored.file,
  );

  const returnPath = clientReturnPath(input.client.id, url.searchParams.get("return_to"));
  return Response.json(
    {
      document: {
        id: documentId,
        fileName: stored.file.fileName,
        sizeBytes: stored.file.sizeBytes,
        sha256: stored.file.sha256,
        type: stored.file.type,
      },
      location: withNotice(returnPath, "document_notice", "uploaded", "documents"),
    },
    { status: 201 },
  );
}
