import { restoreClient } from "../../../../lib/console/clients/access";
import { clientActionEndpoint } from "../../../../lib/console/clients/endpoint";
import { clientPageWithNotice } from "../../../../lib/console/clients/present";

/** Shows an archived client in the list again. */
export const POST = clientActionEndpoint("clients.update", async ({ db, actor, client }) => {
  await restoreClient(db, actor, client);
  return clientPageWithNotice(client.id, "restored");
});
