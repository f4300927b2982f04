import type { APIContext, APIRoute } from "astro";

import type { Client } from "../../../../db/schema";
import { type Database, getDb } from "../../db/client";
import { responseForError } from "../../http/errors";
import { clientIpAddress, readForm } from "../../web/request";
import { requirePermission, requireVisibleClient } from "../authorize";
import type { Permission } from "../permissions";
import type { StaffActor } from "./records";

export interface ClientActionContext {
  db: Database;
  actor: StaffActor;
  client: Client;
  /** The submitted form, or null when the body was not a form. */
  form: FormData | null;
  context: APIContext;
}

/**
 * Builds the POST endpoint of one action on one client. It checks `clients.read` and the action's
 * permission (403), then that the client is in this practice and visible to the staff member (404,
 * the same for another practice's id), runs the action and responds with the 303 redirect it returns.
 */
export function clientActionEndpoint(
  permission: Permission,
  act: (action: ClientActionContext) => Promise<string>,
): APIRoute {
  return async (context) => {
    const { locals, params, request } = context;
    try {
      const reader = requirePermission(locals.staff, "clients.read");
      const staff = requirePermission(reader, permission);
      const db = getDb();
      const client = await requireVisibleClient(db, staff, params.id ?? "");
      const form = await readForm(request);
      const actor: StaffActor = { staff, ipAddress: clientIpAddress(request), now: locals.now };

      const location = await act({ db, actor, client, form, context });
      return context.redirect(location, 303);
    } catch (error) {
      return responseForError(error, locals.locale, "[console]");
    }
  };
}
