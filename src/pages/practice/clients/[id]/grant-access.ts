import { grantPortalAccess } from "../../../../lib/console/clients/access";
import { clientActionEndpoint } from "../../../../lib/console/clients/endpoint";
import { clientPageWithNotice } from "../../../../lib/console/clients/present";
import { AppError } from "../../../../lib/http/errors";

/** Lets the client sign in to the portal. An archived client gets 409: restore them first. */
export const POST = clientActionEndpoint("portal.access.manage", async ({ db, actor, client }) => {
  const result = await grantPortalAccess(db, actor, client);
  if (result === "archived") throw new AppError("conflict", `client ${client.id} is archived`);
  return clientPageWithNotice(client.id, "access_granted");
});
