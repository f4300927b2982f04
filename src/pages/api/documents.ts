import type { APIRoute } from "astro";

import { getDb } from "../../lib/db/client";
import { decodeCursor } from "../../lib/documents/cursor";
import { presentDocument } from "../../lib/documents/present";
import { listSharedDocuments } from "../../lib/documents/repository";
import { errorResponse } from "../../lib/http/errors";

/** The next batch of the client's documents, formatted like the server-rendered list. */
export const GET: APIRoute = async ({ locals, url }) => {
  if (!locals.client) return errorResponse("unauthorized", locals.locale);

  const cursorParameter = url.searchParams.get("cursor");
  const cursor = decodeCursor(cursorParameter);
  if (cursorParameter && !cursor) return errorResponse("invalid_input", locals.locale);

  const page = await listSharedDocuments(getDb(), {
    practiceId: locals.practice.id,
    clientId: locals.client.subject.id,
    cursor,
  });
  return Response.json({
    items: page.documents.map((document) => presentDocument(document, locals.locale, locals.practice.timeZone)),
    nextCursor: page.nextCursor,
  });
};
