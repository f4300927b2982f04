import { isJsonObject, type JsonObject, jsonTypeName } from "../json";
import { classifyExtension, EXTENSION_URL } from "./extensions";
import { type ImportReport, joinPath } from "./report";

/** Reads an optional string member; reports a wrong JSON type. An empty string counts as absent. */
export function readString(element: JsonObject, key: string, path: string, report: ImportReport): string | undefined {
  const value = element[key];
  if (value === undefined) return undefined;

  if (typeof value !== "string") {
    report.error(joinPath(path, key), "wrong_json_type", `${key} must be a string, found ${jsonTypeName(value)}.`);
    return undefined;
  }
  return value === "" ? undefined : value;
}

/** Reads an optional boolean member; reports a wrong JSON type. */
export function readBoolean(element: JsonObject, key: string, path: string, report: ImportReport): boolean | undefined {
  const value = element[key];
  if (value === undefined) return undefined;

  if (typeof value !== "boolean") {
    report.error(joinPath(path, key), "wrong_json_type", `${key} must be a boolean, found ${jsonTypeName(value)}.`);
    return undefined;
  }
  return value;
}

/** Reads an optional integer member of at least `minimum`; reports a wrong type or range. */
export function readInteger(
  element: JsonObject,
  key: string,
  path: string,
  report: ImportReport,
  minimum: number,
): number | undefined {
  const value = element[key];
  if (value === undefined) return undefined;

  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    report.error(joinPath(path, key), "wrong_json_type", `${key} must be an integer, found ${jsonTypeName(value)}.`);
    return undefined;
  }
  if (value < minimum) {
    report.error(joinPath(path, key), "invalid_value", `${key} must be at least ${minimum}, found ${value}.`);
    return undefined;
  }
  return value;
}

/** Reads an optional array member; reports a wrong JSON type. */
export function readArray(element: JsonObject, key: string, path: string, report: ImportReport): unknown[] {
  const value = element[key];
  if (value === undefined) return [];

  if (!Array.isArray(value)) {
    report.error(joinPath(path, key), "wrong_json_type", `${key} must be an array, found ${jsonTypeName(value)}.`);
    return [];
  }
  return value;
}

/** One entry of an element's `extension` array. */
export interface ExtensionEntry {
  url: string;
  json: JsonObject;
  path: string;
}

/** Reads the `extension` array of an element; reports entries without a URL. */
export function readExtensions(element: JsonObject, path: string, report: ImportReport): ExtensionEntry[] {
  const entries: ExtensionEntry[] = [];

  readArray(element, "extension", path, report).forEach((json, index) => {
    const entryPath = joinPath(path, `extension[${index}]`);
    if (!isJsonObject(json) || typeof json.url !== "string" || json.url === "") {
      report.error(entryPath, "invalid_extension", "An extension must be an object with a url.");
      return;
    }
    entries.push({ url: json.url, json, path: entryPath });
  });
  return entries;
}

/** Reports an extension that the importer does not read: rejected, ignored or unknown. */
export function reportUnreadExtension(extension: ExtensionEntry, report: ImportReport): void {
  const { url, path } = extension;

  if (url === EXTENSION_URL.renderingXhtml || url === EXTENSION_URL.renderingMarkdown) {
    report.warning(path, "markup_ignored", `Markup in ${url} is never shown; the plain text is used.`);
    return;
  }

  switch (classifyExtension(url)) {
    case "rejected":
      report.error(
        path,
        "unsupported_extension",
        `Extension ${url} changes what is asked or stored and is not supported.`,
      );
      return;
    case "ignored":
      report.warning(
        path,
        "ignored_extension",
        `Extension ${url} only affects layout or data exchange and is ignored.`,
      );
      return;
    case "unknown":
      report.warning(path, "unknown_extension", `Extension ${url} is not known to Veranda and is ignored.`);
  }
}

/**
 * Reports `modifierExtension` (which by definition changes the meaning of its element, so it is
 * rejected) and the extensions on primitive members such as `_text`.
 */
export function reportSpecialMembers(element: JsonObject, path: string, report: ImportReport): void {
  readArray(element, "modifierExtension", path, report).forEach((_, index) => {
    report.error(
      joinPath(path, `modifierExtension[${index}]`),
      "modifier_extension",
      "Modifier extensions change the meaning of the resource and are not supported.",
    );
  });

  for (const [key, value] of Object.entries(element)) {
    if (!key.startsWith("_")) continue;

    const memberPath = joinPath(path, key);
    if (!isJsonObject(value)) {
      report.error(memberPath, "wrong_json_type", `${key} must be an object, found ${jsonTypeName(value)}.`);
      continue;
    }
    for (const extension of readExtensions(value, memberPath, report)) reportUnreadExtension(extension, report);
  }
}

/** Reports every member that is not in `knownKeys`, extension members and `_x` members aside. */
export function reportUnknownMembers(
  element: JsonObject,
  path: string,
  knownKeys: ReadonlySet<string>,
  report: ImportReport,
): void {
  for (const key of Object.keys(element)) {
    if (knownKeys.has(key) || key.startsWith("_") || key === "extension" || key === "modifierExtension") continue;
    report.warning(
      joinPath(path, key),
      "unknown_element",
      `Element ${key} is not part of an R4 Questionnaire and is ignored.`,
    );
  }
}

const MARKUP_TAG = /<\/?[a-zA-Z][^<>]*>/;

/** Warns when plain text contains what looks like an HTML tag, since it is shown literally. */
export function warnAboutMarkup(text: string | undefined, path: string, report: ImportReport): void {
  if (text === undefined || !MARKUP_TAG.test(text)) return;
  report.warning(path, "text_looks_like_markup", "The text contains what looks like HTML; it is shown as plain text.");
}
