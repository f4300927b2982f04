import type { Practice, SubjectType } from "../../../db/schema";
import { signInRequests } from "../../../db/schema";
import { auditEventStatement } from "../audit/events";
import type { Database } from "../db/client";
import { chooseLocale } from "../i18n/negotiate";
import { writeJson } from "../kv/store";
import { mailBranding } from "../mail/branding";
import { deliverMail } from "../mail/deliver";
import type { MailTransport } from "../mail/message";
import { renderSignInMail } from "../mail/templates/sign-in";
import { practiceOrigin, type TenancyConfig } from "../tenancy/practice";
import { MS_PER_MINUTE } from "../time/clock";
import { findSignInSubject } from "./subjects";
import { countSignInRequest } from "./throttle";
import { signInTtlMinutes } from "./timeouts";
import { generateCode, generateToken, hashCode, hashSecret } from "./tokens";

/** KV key of the short-lived record that maps a link token's hash to its sign-in request. */
export function signInTokenKey(tokenHash: string): string {
  return `sign-in-token:${tokenHash}`;
}

/** KV record per link token, kept until the link expires; D1 still decides whether the link is usable. */
export interface SignInTokenRecord {
  requestId: string;
  practiceId: string;
}

/** Path of the confirm page a sign-in link opens. */
export function signInLinkPath(subjectType: SubjectType, token: string): string {
  return subjectType === "client" ? `/login/link/${token}` : `/practice/login/link/${token}`;
}

export interface SignInRequestInput {
  practice: Practice;
  subjectType: SubjectType;
  /** Normalized email address. */
  email: string;
  /** Id chosen before the response was sent: the hash of the token in the browser's cookie. */
  requestId: string;
  ipAddress: string;
  returnTo: string | null;
  /** Language the visitor used on the sign-in page, used when the subject has none. */
  pageLocale: string | undefined;
  now: Date;
}

export type SignInRequestOutcome = "sent" | "delivery_failed" | "unknown_address" | "throttled";

export interface SignInRequestDependencies {
  db: Database;
  kv: KVNamespace;
  transport: MailTransport;
  tenancy: TenancyConfig;
}

/**
 * Handles a request for a sign-in email: throttles, looks up the address, stores the request and
 * sends the email. Runs after the neutral response is sent, so neither the response nor its timing
 * reveals whether an address is known.
 */
export async function processSignInRequest(
  deps: SignInRequestDependencies,
  input: SignInRequestInput,
): Promise<SignInRequestOutcome> {
  const { db } = deps;
  const { practice } = input;
  const audit = (outcome: SignInRequestOutcome, subjectId: string | null) =>
    auditEventStatement(db, {
      practiceId: practice.id,
      actorType: subjectId ? input.subjectType : "anonymous",
      actorId: subjectId,
      action: "auth.sign_in.requested",
      targetType: "sign_in_request",
      targetId: outcome === "sent" || outcome === "delivery_failed" ? input.requestId : null,
      detail: { outcome, subject_type: input.subjectType },
      ipAddress: input.ipAddress,
      at: input.now,
    });

  const throttle = await countSignInRequest(db, {
    practiceId: practice.id,
    email: input.email,
    ipAddress: input.ipAddress,
    now: input.now,
  });
  if (!throttle.allowed) {
    console.warn(
      `[auth] sign-in request throttled practice=${practice.id} address_count=${throttle.addressCount} ip_count=${throttle.ipCount}`,
    );
    await audit("throttled", null);
    return "throttled";
  }

  const subject = await findSignInSubject(db, practice.id, input.subjectType, input.email);
  if (!subject) {
    await audit("unknown_address", null);
    return "unknown_address";
  }

  const ttlMinutes = signInTtlMinutes(practice);
  const token = generateToken();
  const tokenHash = hashSecret(token);
  const code = generateCode();
  const expiresAt = new Date(input.now.getTime() + ttlMinutes * MS_PER_MINUTE);

  await db.insert(signInRequests).values({
    id: input.requestId,
    practiceId: practice.id,
    subjectType: input.subjectType,
    subjectId: subject.id,
    tokenHash,
    codeHash: hashCode(input.requestId, code),
    returnTo: input.returnTo,
    createdAt: input.now,
    expiresAt,
  });
  const record: SignInTokenRecord = { requestId: input.requestId, practiceId: practice.id };
  await writeJson(signInTokenKey(tokenHash), record, ttlMinutes * 60, deps.kv);

  const locale = chooseLocale({
    subjectLocale: subject.locale,
    cookieLocale: input.pageLocale,
    practiceDefault: practice.defaultLocale,
  });
  const message = renderSignInMail({
    locale,
    audience: input.subjectType,
    branding: mailBranding(practice, deps.tenancy),
    practiceId: practice.id,
    recipient: { email: subject.email, name: subject.displayName },
    link: `${practiceOrigin(practice, deps.tenancy)}${signInLinkPath(input.subjectType, token)}`,
    code,
    validMinutes: ttlMinutes,
  });
  const delivered = await deliverMail(deps.transport, message);

  const outcome = delivered ? "sent" : "delivery_failed";
  await audit(outcome, subject.id);
  console.info(
    `[auth] sign-in request ${outcome} practice=${practice.id} ${input.subjectType}=${subject.id} request=${input.requestId}`,
  );
  return outcome;
}
