/**
 * One line of an import report. `path` locates the element in the resource, such as
 * `item[2].item[0].enableWhen[1]`; the empty path means the resource as a whole. `message` is
 * English for staff and logs; `code` is stable for code that reacts to it.
 */
export interface ImportIssue {
  path: string;
  severity: "error" | "warning";
  code: ImportIssueCode;
  message: string;
}

/** The closed set of import issue codes. Errors reject the import; warnings only inform. */
export type ImportIssueCode =
  // errors
  | "invalid_json"
  | "not_an_object"
  | "wrong_resource_type"
  | "wrong_json_type"
  | "missing_element"
  | "invalid_value"
  | "unsupported_item_type"
  | "duplicate_link_id"
  | "not_allowed_for_type"
  | "display_with_items"
  | "repeating_group"
  | "children_under_repeating_question"
  | "answer_value_set"
  | "answer_option_not_allowed"
  | "unsupported_answer_option"
  | "missing_answer_option"
  | "initial_type_mismatch"
  | "initial_with_answer_option"
  | "multiple_initial_values"
  | "enable_when_unknown_question"
  | "enable_when_self"
  | "enable_when_not_a_question"
  | "enable_when_answer_mismatch"
  | "enable_when_operator_mismatch"
  | "enable_when_cycle"
  | "enable_behavior_missing"
  | "unsupported_extension"
  | "invalid_extension"
  | "modifier_extension"
  | "implicit_rules"
  | "too_many_items"
  | "too_deeply_nested"
  // warnings
  | "ignored_extension"
  | "unknown_extension"
  | "unknown_element"
  | "ignored_element"
  | "markup_ignored"
  | "text_looks_like_markup"
  | "ignored_item_control"
  | "empty_group"
  | "missing_status";

/** Collects the issues of one import. */
export class ImportReport {
  readonly issues: ImportIssue[] = [];

  error(path: string, code: ImportIssueCode, message: string): void {
    this.issues.push({ path, severity: "error", code, message });
  }

  warning(path: string, code: ImportIssueCode, message: string): void {
    this.issues.push({ path, severity: "warning", code, message });
  }

  get hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === "error");
  }
}

/** Joins a parent path and a member name: `joinPath("item[0]", "text")` is `item[0].text`. */
export function joinPath(parent: string, member: string): string {
  return parent === "" ? member : `${parent}.${member}`;
}
