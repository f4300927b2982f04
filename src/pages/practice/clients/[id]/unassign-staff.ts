import { clientActionEndpoint } from "../../../../lib/console/clients/endpoint";
import { clientPageWithNotice } from "../../../../lib/console/clients/present";
import { unassignStaff } from "../../../../lib/console/clients/staff-assignment";
import { formText } from "../../../../lib/web/request";

/**
 * Removes a staff member's assignment to the client. Staff who cannot see every client and remove
 * themselves can no longer open the client's page, so they go back to the list.
 */
export const POST = clientActionEndpoint("clients.update", async ({ db, actor, client, form }) => {
  const staffId = form ? formText(form, "staff_id") : "";
  await unassignStaff(db, actor, client, staffId);

  const { staff } = actor;
  if (staffId === staff.member.id && !staff.permissions.has("clients.read.all")) {
    return "/practice/clients?notice=staff_unassigned_self";
  }
  return clientPageWithNotice(client.id, "staff_unassigned");
});
