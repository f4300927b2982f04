import type { Database } from "../../db/client";
import { isLocale, type Locale } from "../../i18n/locales";
import type { MessageKey } from "../../i18n/translate";
import type { ImportIssue } from "../../questionnaires";
import { formText, readForm } from "../../web/request";
import type { StaffContext } from "../staff-context";
import { importIntoLibrary, MAX_QUESTIONNAIRE_JSON_BYTES } from "./import";

/** Room for the other form fields and the multipart framing around the JSON, in bytes. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export interface ImportFormValues {
  json: string;
  language: Locale;
}

export type ImportFormResult =
  | { ok: true; redirect: string }
  | { ok: false; status: number; error: MessageKey | null; report: ImportIssue[]; values: ImportFormValues };

/**
 * Handles the import form, with the JSON from the chosen file or else from the text field. An
 * accepted questionnaire is stored as a draft, and the result names its page. A rejected one
 * returns the import report and the JSON text, so the form shows both again.
 */
export async function submitImportForm(
  db: Database,
  input: { request: Request; staff: StaffContext; defaultLocale: Locale; ipAddress: string; now: Date },
): Promise<ImportFormResult> {
  const values: ImportFormValues = { json: "", language: input.defaultLocale };
  const fail = (status: number, error: MessageKey | null, report: ImportIssue[] = []): ImportFormResult => ({
    ok: false,
    status,
    error,
    report,
    values,
  });

  const declared = Number(input.request.headers.get("content-length") ?? "0");
  if (declared > MAX_QUESTIONNAIRE_JSON_BYTES + FORM_OVERHEAD_BYTES)
    return fail(413, "console.library.import.error.too_large");

  const form = await readForm(input.request);
  if (!form) return fail(400, "console.library.import.error.missing");

  const language = formText(form, "language");
  if (isLocale(language)) values.language = language;
  const file = form.get("file");
  if (file instanceof File && file.size > MAX_QUESTIONNAIRE_JSON_BYTES)
    return fail(413, "console.library.import.error.too_large");
  values.json = file instanceof File && file.size > 0 ? await file.text() : formText(form, "json");
  if (values.json.trim() === "") return fail(400, "console.library.import.error.missing");
  if (new TextEncoder().encode(values.json).byteLength > MAX_QUESTIONNAIRE_JSON_BYTES) {
    return fail(413, "console.library.import.error.too_large");
  }

  const result = await importIntoLibrary(db, {
    practiceId: input.staff.member.practiceId,
    staffId: input.staff.member.id,
    ipAddress: input.ipAddress,
    now: input.now,
    json: values.json,
    fallbackLanguage: values.language,
  });
  if (result.ok) {
    return {
      ok: true,
      redirect: `/practice/questionnaires/${encodeURIComponent(result.questionnaireId)}?notice=imported`,
    };
  }
  if (result.reason === "built_in") return fail(422, "console.library.import.error.built_in", result.report);
  return fail(422, "console.library.import.error.rejected", result.report);
}
