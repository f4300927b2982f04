import { isQuestion, type QuestionnaireItem } from "../../lib/questionnaires";

/**
 * Returns an HTML id per linkId. linkIds may hold any characters, so ids are built from the
 * item's position instead; the server-rendered HTML and the island compute the same ids.
 */
export function fieldIds(items: QuestionnaireItem[]): Map<string, string> {
  const ids = new Map<string, string>();
  let counter = 0;
  const walk = (list: QuestionnaireItem[]) => {
    for (const item of list) {
      counter += 1;
      if (isQuestion(item) || item.type === "group") ids.set(item.linkId, `q${counter}`);
      walk(item.items);
    }
  };
  walk(items);
  return ids;
}
