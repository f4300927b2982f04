import type { APIRoute } from "astro";

import { isLogoContentType } from "../lib/console/settings/logo-type";
import { logoVersion } from "../lib/console/settings/logo-url";
import { readObject } from "../lib/files/r2";

/** Seconds a browser may reuse `/logo` without a version; an upload changes the logo at once after that. */
const UNVERSIONED_MAX_AGE_SECONDS = 300;
/** Seconds a browser may reuse `/logo?v={version}`; a new upload gets a new version. */
const VERSIONED_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Serves the practice's logo from R2 for the portal and console headers and for emails. The
 * response is public and cacheable, because a logo is no secret and mail clients fetch it
 * without a session.
 */
export const GET: APIRoute = async ({ locals, url, request }) => {
  const key = locals.practice.logoStorageKey;
  if (!key) return notFound();

  const object = await readObject(key);
  if (!object) {
    console.error(`[logo] object missing practice=${locals.practice.id}`);
    return notFound();
  }

  const contentType = object.httpMetadata?.contentType;
  const versioned = url.searchParams.get("v") === logoVersion(key);
  const headers = new Headers({
    "Content-Type": isLogoContentType(contentType) ? contentType : "application/octet-stream",
    "Cache-Control": versioned
      ? `public, max-age=${VERSIONED_MAX_AGE_SECONDS}, immutable`
      : `public, max-age=${UNVERSIONED_MAX_AGE_SECONDS}`,
    ETag: object.httpEtag,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });

  if (request.headers.get("if-none-match") === object.httpEtag) {
    await object.body.cancel();
    return new Response(null, { status: 304, headers });
  }
  return new Response(object.body, { headers });
};
