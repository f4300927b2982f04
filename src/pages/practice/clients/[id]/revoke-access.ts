import { revokePortalAccess } from "../../../../lib/console/clients/access";
import { clientActionEndpoint } from "../../../../lib/console/clients/endpoint";
import { clientPageWithNotice } from "../../../../lib/console/clients/present";

/** Takes away portal access and ends the client's sessions and unused sign-in links at once. */
export const POST = clientActionEndpoint("portal.access.manage", async ({ db, actor, client }) => {
  await revokePortalAccess(db, actor, client);
  return clientPageWithNotice(client.id, "access_revoked");
});
