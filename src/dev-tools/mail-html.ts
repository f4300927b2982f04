import { env } from "cloudflare:workers";
import type { APIRoute } from "astro";

import { readCapturedMail } from "../lib/mail/capture";
import { mailboxEnabled } from "./mailbox";

/** Serves the HTML part of one captured message under a sandboxing policy that blocks its scripts. */
export const GET: APIRoute = async ({ params }) => {
  if (!mailboxEnabled() || !params.id) return new Response(null, { status: 404 });

  const message = await readCapturedMail(params.id, env.KV);
  if (!message) return new Response(null, { status: 404 });

  return new Response(message.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    },
  });
};
