import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";

import worker from "../../../dist/server/entry.mjs";

/**
 * Sends a request through the built worker's real `fetch` and waits for its background work
 * (`waitUntil`, such as sending the sign-in email) before returning the response.
 */
export async function dispatch(request: Request): Promise<Response> {
  const context = createExecutionContext();
  const fetchHandler = worker.fetch;
  if (!fetchHandler) throw new Error("the built worker has no fetch handler");

  const response = await fetchHandler(request as Request<unknown, IncomingRequestCfProperties>, env, context);
  await waitOnExecutionContext(context);
  return response;
}
