import { archiveClient } from "../../../../lib/console/clients/access";
import { clientActionEndpoint } from "../../../../lib/console/clients/endpoint";
import { clientPageWithNotice } from "../../../../lib/console/clients/present";

/** Archives the client and ends their sessions and unused sign-in links. */
export const POST = clientActionEndpoint("clients.update", async ({ db, actor, client }) => {
  await archiveClient(db, actor, client);
  return clientPageWithNotice(client.id, "archived");
});
