import { clientActionEndpoint } from "../../../../lib/console/clients/endpoint";
import { clientPageWithNotice } from "../../../../lib/console/clients/present";
import { assignStaff } from "../../../../lib/console/clients/staff-assignment";
import { AppError } from "../../../../lib/http/errors";
import { formText } from "../../../../lib/web/request";

/** Assigns a staff member of this practice to the client; an unknown or inactive one gives 400. */
export const POST = clientActionEndpoint("clients.update", async ({ db, actor, client, form }) => {
  const staffId = form ? formText(form, "staff_id") : "";
  const result = await assignStaff(db, actor, client, staffId);
  if (result === "unknown_staff") throw new AppError("invalid_input", `staff ${staffId} cannot be assigned`);
  return clientPageWithNotice(client.id, "staff_assigned");
});
