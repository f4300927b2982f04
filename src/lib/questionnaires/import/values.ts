import { isCalendarDate, isJsonObject, type JsonObject, jsonTypeName } from "../json";
import type { AnswerValue, Coding } from "../model";
import { type ImportReport, joinPath } from "./report";

/** A `value[x]` or `answer[x]` member found on an element, before its type is checked. */
export interface ChoiceMember {
  /** The member name, e.g. `valueCoding`. */
  key: string;
  /** The FHIR type suffix, e.g. `Coding`. */
  fhirType: string;
  raw: unknown;
}

/**
 * Finds the one `{prefix}[x]` member of `element` (`valueCoding`, `answerBoolean`, ...). Reports
 * an error and returns undefined when there is none or more than one.
 */
export function findChoiceMember(
  element: JsonObject,
  prefix: "value" | "answer",
  path: string,
  report: ImportReport,
): ChoiceMember | undefined {
  const keys = Object.keys(element).filter((key) => key.startsWith(prefix) && /^[A-Z]/.test(key.slice(prefix.length)));

  if (keys.length !== 1) {
    const found = keys.length === 0 ? "none" : keys.join(", ");
    report.error(path, "missing_element", `Expected exactly one ${prefix}[x] element, found ${found}.`);
    return undefined;
  }

  const key = keys[0] as string;
  return { key, fhirType: key.slice(prefix.length), raw: element[key] };
}

/** The FHIR types an answer value can have in the supported subset. */
const SUPPORTED_VALUE_TYPES = new Set(["Boolean", "Decimal", "Integer", "Date", "String", "Coding"]);

/** Returns true when `fhirType` (e.g. `Coding`) is one Veranda can store as an answer. */
export function isSupportedValueType(fhirType: string): boolean {
  return SUPPORTED_VALUE_TYPES.has(fhirType);
}

/**
 * Parses the JSON of a `value[x]` of a supported FHIR type into an answer value. Reports an error
 * at `path` and returns undefined when the JSON does not fit the type.
 */
export function parseTypedValue(member: ChoiceMember, path: string, report: ImportReport): AnswerValue | undefined {
  const memberPath = joinPath(path, member.key);
  const { raw } = member;

  switch (member.fhirType) {
    case "Boolean":
      if (typeof raw === "boolean") return { type: "boolean", value: raw };
      break;
    case "Decimal":
      if (typeof raw === "number" && Number.isFinite(raw)) return { type: "decimal", value: raw };
      break;
    case "Integer":
      if (typeof raw === "number" && Number.isSafeInteger(raw)) return { type: "integer", value: raw };
      break;
    case "Date":
      if (typeof raw === "string" && isCalendarDate(raw)) return { type: "date", value: raw };
      if (typeof raw === "string") {
        report.error(memberPath, "invalid_value", `Expected a full date YYYY-MM-DD, found "${raw}".`);
        return undefined;
      }
      break;
    case "String":
      if (typeof raw === "string" && raw.trim() !== "") return { type: "string", value: raw };
      break;
    case "Coding": {
      const coding = parseCoding(raw, memberPath, report);
      return coding ? { type: "coding", value: coding } : undefined;
    }
  }

  report.error(memberPath, "wrong_json_type", `${member.key} has the wrong JSON type (${jsonTypeName(raw)}).`);
  return undefined;
}

/** Parses a FHIR `Coding` that must carry a code, keeping system and display when present. */
export function parseCoding(raw: unknown, path: string, report: ImportReport): Coding | undefined {
  if (!isJsonObject(raw)) {
    report.error(path, "wrong_json_type", `Expected a Coding object, found ${jsonTypeName(raw)}.`);
    return undefined;
  }

  const { system, code, display } = raw;
  let valid = true;

  if (typeof code !== "string" || code === "") {
    report.error(joinPath(path, "code"), "missing_element", "A coding needs a non-empty code to be answered.");
    valid = false;
  }
  for (const [name, value] of [
    ["system", system],
    ["display", display],
  ] as const) {
    if (value !== undefined && typeof value !== "string") {
      report.error(joinPath(path, name), "wrong_json_type", `Coding.${name} must be a string.`);
      valid = false;
    }
  }
  if (!valid || typeof code !== "string") return undefined;

  const coding: Coding = { code };
  if (typeof system === "string") coding.system = system;
  if (typeof display === "string") coding.display = display;
  return coding;
}
