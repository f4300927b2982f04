import { isJsonObject, type JsonObject, jsonTypeName } from "../json";
import { QUESTIONNAIRE_STATUSES, type Questionnaire, type QuestionnaireStatus } from "../model";
import { indexLinkIds, reportEnableWhenCycles, resolveEnableWhen } from "./checks";
import {
  readArray,
  readBoolean,
  readExtensions,
  readString,
  reportSpecialMembers,
  reportUnknownMembers,
  reportUnreadExtension,
  warnAboutMarkup,
} from "./elements";
import { type ItemParseContext, parseItems } from "./item";
import { type ImportIssue, ImportReport } from "./report";

export type { ImportIssue, ImportIssueCode } from "./report";

export type ImportResult =
  | { ok: true; questionnaire: Questionnaire; report: ImportIssue[] }
  | { ok: false; report: ImportIssue[] };

const STRING_MEMBERS = [
  "id",
  "url",
  "version",
  "name",
  "title",
  "status",
  "date",
  "publisher",
  "description",
  "purpose",
  "copyright",
  "approvalDate",
  "lastReviewDate",
  "language",
] as const;
const ARRAY_MEMBERS = [
  "identifier",
  "derivedFrom",
  "subjectType",
  "contact",
  "useContext",
  "jurisdiction",
  "code",
  "contained",
];
const OBJECT_MEMBERS = ["meta", "text", "effectivePeriod"];
const ROOT_MEMBERS = new Set<string>([
  "resourceType",
  "implicitRules",
  "experimental",
  "item",
  ...STRING_MEMBERS,
  ...ARRAY_MEMBERS,
  ...OBJECT_MEMBERS,
]);

function isStatus(value: string): value is QuestionnaireStatus {
  return QUESTIONNAIRE_STATUSES.some((status) => status === value);
}

/**
 * Parses and checks a FHIR R4 `Questionnaire` (as parsed JSON or as JSON text) against the subset
 * Veranda supports. Every element that is not used gets a line in the report. Any error rejects
 * the whole resource, so a questionnaire is never shown with a part silently missing.
 *
 * @example
 * const result = importQuestionnaire(await request.json());
 * if (!result.ok) return Response.json({ report: result.report }, { status: 422 });
 */
export function importQuestionnaire(json: unknown): ImportResult {
  const report = new ImportReport();
  let resource = json;

  if (typeof json === "string") {
    try {
      resource = JSON.parse(json);
    } catch {
      report.error("", "invalid_json", "The text is not valid JSON.");
      return { ok: false, report: report.issues };
    }
  }
  if (!isJsonObject(resource)) {
    report.error("", "not_an_object", `A Questionnaire must be a JSON object, found ${jsonTypeName(resource)}.`);
    return { ok: false, report: report.issues };
  }
  if (resource.resourceType !== "Questionnaire") {
    report.error(
      "resourceType",
      "wrong_resource_type",
      `Expected resourceType "Questionnaire", found ${JSON.stringify(resource.resourceType)}.`,
    );
    return { ok: false, report: report.issues };
  }

  const metadata = readRootMembers(resource, report);
  const context: ItemParseContext = {
    report,
    itemCount: 0,
    pendingEnableWhen: [],
    itemPaths: new Map(),
    parents: new Map(),
    rejectedLinkIds: new Set(),
  };

  const itemList = readArray(resource, "item", "", report);
  if (itemList.length === 0) report.error("item", "missing_element", "A questionnaire needs at least one item.");
  const items = parseItems(itemList, "", 1, context);

  const index = indexLinkIds(items, context);
  resolveEnableWhen(index, context);
  reportEnableWhenCycles(items, index, context);

  if (report.hasErrors) return { ok: false, report: report.issues };

  const source: JsonObject = JSON.parse(JSON.stringify(resource));
  return { ok: true, questionnaire: { ...metadata, items, source }, report: report.issues };
}

function readRootMembers(resource: JsonObject, report: ImportReport): Omit<Questionnaire, "items" | "source"> {
  const strings = new Map(STRING_MEMBERS.map((key) => [key, readString(resource, key, "", report)]));
  readBoolean(resource, "experimental", "", report);
  for (const key of ARRAY_MEMBERS) readArray(resource, key, "", report);
  for (const key of OBJECT_MEMBERS) {
    if (resource[key] !== undefined && !isJsonObject(resource[key])) {
      report.error(key, "wrong_json_type", `${key} must be an object, found ${jsonTypeName(resource[key])}.`);
    }
  }

  if (resource.implicitRules !== undefined) {
    report.error(
      "implicitRules",
      "implicit_rules",
      "implicitRules changes how the resource must be read and is not supported.",
    );
  }
  if (resource.text !== undefined) {
    report.warning(
      "text",
      "ignored_element",
      "The narrative (text.div) is never shown; items are rendered from their plain text.",
    );
  }
  if (readArray(resource, "contained", "", report).length > 0) {
    report.warning("contained", "ignored_element", "Contained resources are not used.");
  }
  reportSpecialMembers(resource, "", report);
  reportUnknownMembers(resource, "", ROOT_MEMBERS, report);
  for (const extension of readExtensions(resource, "", report)) reportUnreadExtension(extension, report);

  const statusText = strings.get("status");
  let status: QuestionnaireStatus = "draft";
  if (statusText === undefined) {
    report.warning("status", "missing_status", "status is missing; the questionnaire is treated as a draft.");
  } else if (isStatus(statusText)) {
    status = statusText;
  } else {
    report.error("status", "invalid_value", `Unknown status "${statusText}".`);
  }

  const title = strings.get("title");
  warnAboutMarkup(title, "title", report);
  warnAboutMarkup(strings.get("description"), "description", report);

  const optional = (key: (typeof STRING_MEMBERS)[number]) => {
    const value = strings.get(key);
    return value === undefined ? {} : { [key]: value };
  };
  return {
    status,
    ...optional("url"),
    ...optional("version"),
    ...optional("name"),
    ...optional("title"),
    ...optional("description"),
    ...optional("language"),
  };
}

/** Returns the questionnaire as it was imported, as JSON text for storage or export. */
export function serializeQuestionnaire(questionnaire: Questionnaire): string {
  return JSON.stringify(questionnaire.source);
}
