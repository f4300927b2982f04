import type { APIRoute } from "astro";

import { sessionStatus } from "../../../lib/auth/session-status";
import { errorResponse } from "../../../lib/http/errors";

/** Reports how long the session has left, without counting as activity. */
export const GET: APIRoute = ({ locals }) => {
  if (!locals.client) return errorResponse("unauthorized", locals.locale);
  return Response.json(sessionStatus(locals.client.session, locals.now));
};
