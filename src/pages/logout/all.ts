import type { APIRoute } from "astro";

import { clearSessionCookie } from "../../lib/auth/session-cookies";
import { signOut } from "../../lib/auth/sign-out";
import { getDb } from "../../lib/db/client";
import { clientIpAddress } from "../../lib/web/request";

/** Signs the client out on every device by ending all of their sessions. */
export const POST: APIRoute = async ({ locals, request, cookies, redirect }) => {
  const client = locals.client;
  if (client) {
    await signOut(getDb(), {
      session: client.session,
      subjectType: "client",
      allDevices: true,
      ipAddress: clientIpAddress(request),
      now: locals.now,
    });
  }

  clearSessionCookie(cookies, "client");
  return redirect("/login?signed_out=1", 303);
};
