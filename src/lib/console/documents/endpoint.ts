import type { APIContext, APIRoute } from "astro";

import type { Client } from "../../../../db/schema";
import { type Database, getDb } from "../../db/client";
import { responseForError } from "../../http/errors";
import { clientIpAddress, readForm } from "../../web/request";
import { requirePermission, requireVisibleClient } from "../authorize";
import type { Permission } from "../permissions";
import type { StaffContext } from "../staff-context";

export interface ClientFormAction {
  db: Database;
  staff: StaffContext;
  client: Client;
  /** The submitted form, or null when the body was not a form. */
  form: FormData | null;
  ipAddress: string;
  now: Date;
  context: APIContext;
}

/**
 * Builds a POST endpoint for a form on a client's documents or questionnaires. It checks the
 * permission first (403), then that the client is in this practice and visible to the staff
 * member (404, the same for another practice's id). The action then returns the target of the
 * 303 redirect. Errors become the JSON error body with their status.
 */
export function clientFormEndpoint(
  permission: Permission,
  act: (action: ClientFormAction) => Promise<string>,
  logPrefix: string,
): APIRoute {
  return async (context) => {
    const { locals, params, request } = context;
    try {
      const staff = requirePermission(locals.staff, permission);
      const db = getDb();
      const client = await requireVisibleClient(db, staff, params.id ?? "");
      const form = await readForm(request);

      const location = await act({
        db,
        staff,
        client,
        form,
        ipAddress: clientIpAddress(request),
        now: locals.now,
        context,
      });
      return context.redirect(location, 303);
    } catch (error) {
      return responseForError(error, locals.locale, logPrefix);
    }
  };
}
