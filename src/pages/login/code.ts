import type { APIRoute } from "astro";
import { finishSignIn, signInRequestToken } from "../../lib/auth/sign-in-flow";
import { redeemSignInCode } from "../../lib/auth/sign-in-redeem";
import { SIGN_IN_CODE_DIGITS } from "../../lib/auth/tokens";
import { getDb } from "../../lib/db/client";
import { clientIpAddress, formText, readForm } from "../../lib/web/request";

const CODE_PATTERN = new RegExp(`^\\d{${SIGN_IN_CODE_DIGITS}}$`);

/** Redeems the code typed on the "check your email" page, in the browser that requested it. */
export const POST: APIRoute = async (context) => {
  const { locals, request, cookies, redirect } = context;
  const form = await readForm(request);
  const code = form ? formText(form, "code").replace(/\s/g, "") : "";
  if (!CODE_PATTERN.test(code)) return redirect("/login/check?error=format", 303);

  const requestCookie = signInRequestToken(cookies, "client");
  if (!requestCookie) return redirect("/login/check?error=no_request", 303);

  const redemption = await redeemSignInCode(getDb(), {
    practice: locals.practice,
    subjectType: "client",
    ipAddress: clientIpAddress(request),
    now: locals.now,
    requestCookie,
    code,
  });
  if (!redemption.ok) {
    const error = redemption.reason === "wrong_code" ? "wrong_code" : "attempts_exhausted";
    return redirect(`/login/check?error=${error}`, 303);
  }

  return redirect(finishSignIn(cookies, "client", redemption, "/dashboard"), 303);
};
