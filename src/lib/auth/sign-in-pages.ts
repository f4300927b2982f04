import { env } from "cloudflare:workers";
import type { APIContext } from "astro";

import type { SubjectType } from "../../../db/schema";
import { getDb } from "../db/client";
import { clientIpAddress, formText, readForm } from "../web/request";
import { safeReturnPath } from "./return-to";
import { beginSignIn, finishSignIn, signInEmail, signInRequestToken } from "./sign-in-flow";
import { inspectSignInLink, type LinkState, redeemSignInCode, redeemSignInLink } from "./sign-in-redeem";
import { SIGN_IN_ROUTES } from "./sign-in-routes";
import { normalizeEmail } from "./subjects";
import { SIGN_IN_CODE_DIGITS } from "./tokens";

type PageContext = Pick<APIContext, "request" | "cookies" | "locals" | "url" | "params">;

export type PageResult<View> = { redirect: string } | { view: View; status: number };

export interface LoginView {
  emailValue: string;
  emailError: boolean;
  returnTo: string | null;
  notice: "expired" | "signed_out" | null;
}

function isSignedIn(context: PageContext, subjectType: SubjectType): boolean {
  return subjectType === "client" ? context.locals.client !== null : context.locals.staff !== null;
}

/** Handles the email form: shows it (GET) or starts a sign-in and goes to the check page (POST). */
export async function loginPage(context: PageContext, subjectType: SubjectType): Promise<PageResult<LoginView>> {
  const routes = SIGN_IN_ROUTES[subjectType];
  const query = context.url.searchParams;
  let returnTo = safeReturnPath(query.get("next"));
  if (isSignedIn(context, subjectType)) return { redirect: returnTo ?? routes.home };

  const reason = query.get("reason");
  const notice = reason === "expired" ? "expired" : query.get("signed_out") === "1" ? "signed_out" : null;
  if (context.request.method !== "POST") {
    return { view: { emailValue: query.get("email") ?? "", emailError: false, returnTo, notice }, status: 200 };
  }

  const form = await readForm(context.request);
  const emailValue = form ? formText(form, "email") : "";
  returnTo = form ? safeReturnPath(formText(form, "next")) : null;
  const email = normalizeEmail(emailValue);
  if (!email) return { view: { emailValue, emailError: true, returnTo, notice: null }, status: 400 };

  beginSignIn(context, { subjectType, email, returnTo });
  return { redirect: `${routes.base}/check` };
}

export interface CheckView {
  email: string;
  error: "format" | "wrong_code" | "attempts_exhausted" | "no_request" | null;
}

const CHECK_ERRORS = new Set(["format", "wrong_code", "attempts_exhausted", "no_request"]);

export function checkPage(context: PageContext, subjectType: SubjectType): PageResult<CheckView> {
  if (isSignedIn(context, subjectType)) return { redirect: SIGN_IN_ROUTES[subjectType].home };

  const error = context.url.searchParams.get("error");
  const known = error && CHECK_ERRORS.has(error) ? (error as CheckView["error"]) : null;
  return { view: { email: signInEmail(context.cookies, subjectType) ?? "", error: known }, status: known ? 400 : 200 };
}

const CODE_PATTERN = new RegExp(`^\\d{${SIGN_IN_CODE_DIGITS}}$`);

/** Redeems a code typed on the check page; returns where to go next. */
export async function redeemCodeForm(context: PageContext, subjectType: SubjectType): Promise<string> {
  const routes = SIGN_IN_ROUTES[subjectType];
  const form = await readForm(context.request);
  const code = form ? formText(form, "code").replace(/\s/g, "") : "";
  if (!CODE_PATTERN.test(code)) return `${routes.base}/check?error=format`;

  const requestCookie = signInRequestToken(context.cookies, subjectType);
  if (!requestCookie) return `${routes.base}/check?error=no_request`;

  const redemption = await redeemSignInCode(getDb(), {
    practice: context.locals.practice,
    subjectType,
    ipAddress: clientIpAddress(context.request),
    now: context.locals.now,
    requestCookie,
    code,
  });
  if (!redemption.ok) {
    const error = redemption.reason === "wrong_code" ? "wrong_code" : "attempts_exhausted";
    return `${routes.base}/check?error=${error}`;
  }
  return finishSignIn(context.cookies, subjectType, redemption, routes.home);
}

/**
 * Handles a sign-in link: a GET only shows the confirm button, because mail scanners open every
 * link; only the POST signs in.
 */
export async function linkPage(context: PageContext, subjectType: SubjectType): Promise<PageResult<LinkState>> {
  const { practice, now } = context.locals;
  const token = context.params.token ?? "";
  const db = getDb();

  let state: LinkState;
  if (context.request.method === "POST") {
    const redemption = await redeemSignInLink(db, env.KV, {
      practice,
      subjectType,
      ipAddress: clientIpAddress(context.request),
      now,
      token,
    });
    if (redemption.ok) {
      return { redirect: finishSignIn(context.cookies, subjectType, redemption, SIGN_IN_ROUTES[subjectType].home) };
    }
    state = await inspectSignInLink(db, env.KV, { practice, subjectType, token, now });
    if (state.status === "valid") state = { status: "used", email: state.email };
  } else {
    state = await inspectSignInLink(db, env.KV, { practice, subjectType, token, now });
  }

  const status = state.status === "valid" ? 200 : state.status === "unknown" ? 404 : 410;
  return { view: state, status };
}
