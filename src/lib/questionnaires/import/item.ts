import { isJsonObject, type JsonObject, jsonTypeName } from "../json";
import {
  type EnableBehavior,
  type EnableWhen,
  ITEM_TYPES,
  type ItemType,
  isQuestion,
  type QuestionnaireItem,
} from "../model";
import { parseAnswerOptions, parseInitialValues } from "./answer-options";
import { type PendingEnableWhen, readEnableWhen } from "./conditions";
import {
  readArray,
  readBoolean,
  readExtensions,
  readInteger,
  readString,
  reportSpecialMembers,
  reportUnknownMembers,
  warnAboutMarkup,
} from "./elements";
import { applyItemExtensions } from "./item-extensions";
import { type ImportReport, joinPath } from "./report";

/** Items nested deeper than this are rejected; real forms rarely pass five levels. */
export const MAX_ITEM_DEPTH = 12;
/** Questionnaires with more items than this are rejected, to bound the work of every validation. */
export const MAX_ITEM_COUNT = 2000;

const ITEM_MEMBERS = new Set([
  "id",
  "linkId",
  "definition",
  "code",
  "prefix",
  "text",
  "type",
  "enableWhen",
  "enableBehavior",
  "required",
  "repeats",
  "readOnly",
  "maxLength",
  "answerValueSet",
  "answerOption",
  "initial",
  "item",
]);
const R4_ONLY_TYPES = new Set(["dateTime", "time", "url", "attachment", "reference", "quantity"]);

/** State shared by the parse of all items of one questionnaire. */
export interface ItemParseContext {
  report: ImportReport;
  itemCount: number;
  pendingEnableWhen: PendingEnableWhen[];
  /** Path of every parsed item, for messages about duplicates and cycles. */
  itemPaths: Map<QuestionnaireItem, string>;
  parents: Map<QuestionnaireItem, QuestionnaireItem>;
  /** linkIds of items rejected for their type, so conditions on them are not reported twice. */
  rejectedLinkIds: Set<string>;
}

/** Parses the `item` array of a questionnaire or item. */
export function parseItems(list: unknown[], parentPath: string, depth: number, context: ItemParseContext) {
  const items: QuestionnaireItem[] = [];

  list.forEach((json, index) => {
    const item = parseItem(json, joinPath(parentPath, `item[${index}]`), depth, context);
    if (item) items.push(item);
  });
  return items;
}

function isItemType(value: string): value is ItemType {
  return ITEM_TYPES.some((type) => type === value);
}

function parseItem(json: unknown, path: string, depth: number, context: ItemParseContext) {
  const { report } = context;

  if (!isJsonObject(json)) {
    report.error(path, "wrong_json_type", `An item must be an object, found ${jsonTypeName(json)}.`);
    return undefined;
  }
  context.itemCount += 1;
  if (context.itemCount === MAX_ITEM_COUNT + 1) {
    report.error(path, "too_many_items", `A questionnaire may have at most ${MAX_ITEM_COUNT} items.`);
  }
  if (depth > MAX_ITEM_DEPTH) {
    report.error(path, "too_deeply_nested", `Items may be nested at most ${MAX_ITEM_DEPTH} levels deep.`);
    return undefined;
  }

  const linkId = readString(json, "linkId", path, report);
  const typeName = readString(json, "type", path, report);
  if (linkId === undefined) report.error(joinPath(path, "linkId"), "missing_element", "Every item needs a linkId.");
  if (typeName === undefined) report.error(joinPath(path, "type"), "missing_element", "Every item needs a type.");
  if (typeName !== undefined && !isItemType(typeName)) {
    const reason = R4_ONLY_TYPES.has(typeName) ? "is not supported by Veranda" : "is not an R4 item type";
    report.error(joinPath(path, "type"), "unsupported_item_type", `Item type "${typeName}" ${reason}.`);
    if (linkId !== undefined) context.rejectedLinkIds.add(linkId);
  }
  if (linkId === "__proto__") {
    // Answers are kept in plain objects keyed by linkId, where this key would replace the prototype.
    report.error(joinPath(path, "linkId"), "invalid_value", 'The linkId "__proto__" is reserved.');
  }
  if (linkId === undefined || typeName === undefined || !isItemType(typeName)) return undefined;

  const item = createItem(json, linkId, typeName, path, context);
  context.itemPaths.set(item, path);

  reportSpecialMembers(json, path, report);
  reportUnknownMembers(json, path, ITEM_MEMBERS, report);
  applyItemExtensions(item, readExtensions(json, path, report), report);
  readEnableWhen(json, item, path, context);

  const children = readArray(json, "item", path, report);
  item.items = parseItems(children, path, depth + 1, context);
  for (const child of item.items) context.parents.set(child, item);
  checkChildren(item, children.length, path, report);
  return item;
}

function createItem(
  json: JsonObject,
  linkId: string,
  type: ItemType,
  path: string,
  context: ItemParseContext,
): QuestionnaireItem {
  const { report } = context;
  const text = readString(json, "text", path, report);
  const prefix = readString(json, "prefix", path, report);
  warnAboutMarkup(text, joinPath(path, "text"), report);
  warnAboutMarkup(prefix, joinPath(path, "prefix"), report);

  const common: {
    linkId: string;
    enableWhen: EnableWhen[];
    enableBehavior: EnableBehavior;
    items: QuestionnaireItem[];
  } = { linkId, enableWhen: [], enableBehavior: "all", items: [] };
  const base = { ...common, ...(text === undefined ? {} : { text }), ...(prefix === undefined ? {} : { prefix }) };

  const required = readBoolean(json, "required", path, report);
  const repeats = readBoolean(json, "repeats", path, report);
  const readOnly = readBoolean(json, "readOnly", path, report);
  const maxLength = readInteger(json, "maxLength", path, report, 1);
  const answerOptions = readArray(json, "answerOption", path, report);
  const initial = readArray(json, "initial", path, report);

  if (json.answerValueSet !== undefined) {
    report.error(
      joinPath(path, "answerValueSet"),
      "answer_value_set",
      "Answer value sets are not supported; list the answers as answerOption.",
    );
  }

  if (type === "group" || type === "display") {
    const rejected: [string, unknown][] = [
      ["required", type === "display" ? required : undefined],
      ["repeats", type === "display" ? repeats : undefined],
      ["readOnly", type === "display" ? readOnly : undefined],
      ["maxLength", maxLength],
      ["answerOption", answerOptions.length > 0 ? answerOptions : undefined],
      ["initial", initial.length > 0 ? initial : undefined],
    ];
    for (const [member, value] of rejected) {
      if (value === undefined) continue;
      report.error(joinPath(path, member), "not_allowed_for_type", `${member} is not allowed on a ${type} item.`);
    }
    if (type === "display") return { ...base, type };

    if (repeats === true) {
      report.error(joinPath(path, "repeats"), "repeating_group", "Repeating groups are not supported.");
    }
    if (readOnly !== undefined) {
      report.warning(joinPath(path, "readOnly"), "ignored_element", "readOnly on a group is ignored.");
    }
    return { ...base, type, required: required ?? false };
  }

  const options = parseAnswerOptions(answerOptions, path, report);
  const question = {
    ...base,
    type,
    required: required ?? false,
    repeats: repeats ?? false,
    readOnly: readOnly ?? false,
    options,
    initial: parseInitialValues(initial, path, type, report),
    ...(maxLength === undefined ? {} : { maxLength }),
  };

  if (answerOptions.length > 0 && type !== "choice" && type !== "open-choice") {
    report.error(
      joinPath(path, "answerOption"),
      "answer_option_not_allowed",
      `Answer options are only supported on choice and open-choice items, not on ${type}.`,
    );
  }
  if (type === "choice" && answerOptions.length === 0 && json.answerValueSet === undefined) {
    report.error(path, "missing_answer_option", "A choice item needs at least one answerOption.");
  }
  if (answerOptions.length > 0 && initial.length > 0) {
    report.error(
      joinPath(path, "initial"),
      "initial_with_answer_option",
      "Use initialSelected on answer options, not initial.",
    );
  }
  if (initial.length > 1 && !question.repeats) {
    report.error(
      joinPath(path, "initial"),
      "multiple_initial_values",
      "Only a repeating item can have several initial values.",
    );
  }
  if (maxLength !== undefined && type !== "string" && type !== "text" && type !== "open-choice") {
    report.warning(joinPath(path, "maxLength"), "ignored_element", `maxLength has no effect on a ${type} item.`);
  }

  const selected = options.filter((option) => option.initialSelected).map((option) => option.value);
  if (selected.length > 0) question.initial = selected;
  return question;
}

function checkChildren(item: QuestionnaireItem, childCount: number, path: string, report: ImportReport): void {
  if (item.type === "display" && childCount > 0) {
    report.error(joinPath(path, "item"), "display_with_items", "A display item cannot contain items.");
  }
  if (item.type === "group" && childCount === 0) {
    report.warning(path, "empty_group", "This group contains no items.");
  }
  if (isQuestion(item) && item.repeats && hasQuestionDescendant(item)) {
    report.error(
      joinPath(path, "item"),
      "children_under_repeating_question",
      "Questions nested under a repeating question are not supported.",
    );
  }
}

function hasQuestionDescendant(item: QuestionnaireItem): boolean {
  return item.items.some((child) => child.type !== "display" || hasQuestionDescendant(child));
}
