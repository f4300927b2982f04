import { env } from "cloudflare:workers";

import { clientActionEndpoint } from "../../../../lib/console/clients/endpoint";
import { inviteClient } from "../../../../lib/console/clients/invite";
import { clientPageWithNotice } from "../../../../lib/console/clients/present";
import { mailTransportFromEnv } from "../../../../lib/mail/deliver";
import { tenancyConfigFromEnv } from "../../../../lib/tenancy/practice";

/** Emails the client an invitation to the portal; only for a client with portal access. */
export const POST = clientActionEndpoint("portal.access.manage", async ({ db, actor, client, context }) => {
  const deps = { db, transport: mailTransportFromEnv(env), tenancy: tenancyConfigFromEnv(env) };
  const result = await inviteClient(deps, actor, context.locals.practice, client);

  if (result === "no_access") return clientPageWithNotice(client.id, "invite_needs_access");
  return clientPageWithNotice(client.id, result === "sent" ? "invited" : "invite_failed");
});
