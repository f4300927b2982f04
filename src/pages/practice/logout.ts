import type { APIRoute } from "astro";

import { clearSessionCookie } from "../../lib/auth/session-cookies";
import { signOut } from "../../lib/auth/sign-out";
import { getDb } from "../../lib/db/client";
import { clientIpAddress } from "../../lib/web/request";

/** Signs the staff member out of the console on this device. */
export const POST: APIRoute = async ({ locals, request, cookies, redirect }) => {
  if (locals.staff) {
    await signOut(getDb(), {
      session: locals.staff.session,
      subjectType: "staff",
      allDevices: false,
      ipAddress: clientIpAddress(request),
      now: locals.now,
    });
  }

  clearSessionCookie(cookies, "staff");
  return redirect("/practice/login?signed_out=1", 303);
};
