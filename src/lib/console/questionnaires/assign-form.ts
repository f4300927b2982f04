import type { Client } from "../../../../db/schema";
import type { Database } from "../../db/client";
import type { Locale } from "../../i18n/locales";
import { formText, readForm } from "../../web/request";
import { clientReturnPath, withNotice } from "../documents/return-path";
import type { StaffContext } from "../staff-context";
import { type AssignFieldErrors, assignQuestionnaire, clientLanguage } from "./assign";

export type AssignFormResult =
  | { ok: true; redirect: string }
  | { ok: false; values: { questionnaire: string; dueDate: string }; errors: AssignFieldErrors };

/**
 * Handles the assign form: assigns the chosen questionnaire with the optional due date and
 * returns the page to go back to with a notice, or the values as typed with an error per field.
 */
export async function submitAssignForm(
  db: Database,
  input: {
    request: Request;
    staff: StaffContext;
    client: Client;
    practice: { id: string; timeZone: string; defaultLocale: Locale };
    ipAddress: string;
    now: Date;
  },
): Promise<AssignFormResult> {
  const form = await readForm(input.request);
  const values = {
    questionnaire: form ? formText(form, "questionnaire") : "",
    dueDate: form ? formText(form, "due_date") : "",
  };

  const result = await assignQuestionnaire(db, {
    practiceId: input.practice.id,
    client: input.client,
    language: clientLanguage(input.client, input.practice.defaultLocale),
    staffId: input.staff.member.id,
    questionnaireId: values.questionnaire,
    dueDate: values.dueDate,
    timeZone: input.practice.timeZone,
    ipAddress: input.ipAddress,
    now: input.now,
  });
  if (!result.ok) return { ok: false, values, errors: result.errors };

  const returnPath = clientReturnPath(input.client.id, form ? formText(form, "return_to") : null);
  return { ok: true, redirect: withNotice(returnPath, "questionnaire_notice", "assigned", "questionnaires") };
}
