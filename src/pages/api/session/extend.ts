import type { APIRoute } from "astro";

import { extendSession } from "../../../lib/auth/session";
import { sessionStatus } from "../../../lib/auth/session-status";
import { getDb } from "../../../lib/db/client";
import { errorResponse } from "../../../lib/http/errors";

/** "Stay signed in": postpones the idle timeout; the absolute lifetime never grows. */
export const POST: APIRoute = async ({ locals }) => {
  if (!locals.client) return errorResponse("unauthorized", locals.locale);

  const session = await extendSession(getDb(), locals.client.session, locals.practice, locals.now);
  return Response.json(sessionStatus(session, locals.now));
};
