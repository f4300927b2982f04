import { env } from "cloudflare:workers";
import type { APIRoute } from "astro";

import { listCapturedMail } from "../lib/mail/capture";
import { mailboxEnabled } from "./mailbox";

/** Captured messages as JSON, newest first; the end-to-end tests read sign-in mail here. */
export const GET: APIRoute = async () => {
  if (!mailboxEnabled()) return new Response(null, { status: 404 });
  return Response.json({ messages: await listCapturedMail(50, env.KV) });
};
