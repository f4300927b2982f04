// Signs a client in through the real flow: POST /login, read the link from the development
// mailbox (/dev/mail.json), POST the link. The portal sends at most 5 sign-in emails per address
// per hour, and the bench signs each client in once per run on fresh state.
import { cookieValue, portalRequest } from "./http.mjs";
import { sleep } from "./process.mjs";

export const SESSION_COOKIE = "__Host-veranda_session";

const MAIL_WAIT_TIMEOUT_MS = 20_000;
const MAIL_POLL_INTERVAL_MS = 200;

async function listMail(origin) {
  const response = await portalRequest(`${origin}/dev/mail.json`);
  if (response.status !== 200) throw new Error(`GET ${origin}/dev/mail.json returned ${response.status}`);
  return JSON.parse(response.body.toString("utf8")).messages;
}

/** Returns the sign-in link in a message's plain-text part. */
function signInLink(message) {
  const link = message.text
    .split("\n")
    .map((line) => line.trim())
    .find((line) => /^https?:\/\/\S+\/login\/link\/\S+$/.test(line));
  if (!link) throw new Error(`no sign-in link in the text part of "${message.subject}"`);
  return link;
}

/**
 * Signs `email` in at the practice served at `origin` and returns the session cookie as a
 * `Cookie` header value.
 */
export async function signIn(origin, email) {
  const seenIds = new Set((await listMail(origin)).map((message) => message.id));

  const request = await portalRequest(`${origin}/login`, {
    method: "POST",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email }).toString(),
  });
  if (request.status !== 303)
    throw new Error(`POST ${origin}/login for ${email} returned ${request.status}, expected 303`);

  const deadline = Date.now() + MAIL_WAIT_TIMEOUT_MS;
  let message;
  while (!message) {
    if (Date.now() > deadline) {
      throw new Error(
        `no sign-in email to ${email} within ${MAIL_WAIT_TIMEOUT_MS} ms; the address may be throttled or lack portal access (see .bench/bench.log)`,
      );
    }
    await sleep(MAIL_POLL_INTERVAL_MS);
    message = (await listMail(origin)).find((candidate) => candidate.to.email === email && !seenIds.has(candidate.id));
  }

  const redeem = await portalRequest(signInLink(message), {
    method: "POST",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
  });
  const token = cookieValue(redeem.setCookies, SESSION_COOKIE);
  if (redeem.status !== 303 || !token) {
    throw new Error(`redeeming the sign-in link for ${email} returned ${redeem.status} without a session cookie`);
  }
  return { cookie: `${SESSION_COOKIE}=${token}`, token };
}
