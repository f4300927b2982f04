import { isQuestion, type QuestionItem, type Questionnaire, type QuestionnaireItem } from "./model";

/** Lookups over the items of one questionnaire, built once and cached per questionnaire object. */
export interface ItemIndex {
  /** Every item in document order (depth first). */
  items: QuestionnaireItem[];
  byLinkId: ReadonlyMap<string, QuestionnaireItem>;
  parentOf: ReadonlyMap<string, QuestionnaireItem>;
  /** Position in document order, for sorting errors the way the page shows the fields. */
  positionOf: ReadonlyMap<string, number>;
}

const cache = new WeakMap<Questionnaire, ItemIndex>();

/** Returns the item index of `questionnaire`. Imported questionnaires never change, so it is cached. */
export function indexItems(questionnaire: Questionnaire): ItemIndex {
  const cached = cache.get(questionnaire);
  if (cached) return cached;

  const items: QuestionnaireItem[] = [];
  const byLinkId = new Map<string, QuestionnaireItem>();
  const parentOf = new Map<string, QuestionnaireItem>();
  const positionOf = new Map<string, number>();

  const visit = (item: QuestionnaireItem, parent: QuestionnaireItem | undefined) => {
    positionOf.set(item.linkId, items.length);
    items.push(item);
    byLinkId.set(item.linkId, item);
    if (parent) parentOf.set(item.linkId, parent);
    for (const child of item.items) visit(child, item);
  };
  for (const item of questionnaire.items) visit(item, undefined);

  const index = { items, byLinkId, parentOf, positionOf };
  cache.set(questionnaire, index);
  return index;
}

/** Returns every question (items that take answers) in document order. */
export function listQuestions(questionnaire: Questionnaire): QuestionItem[] {
  return indexItems(questionnaire).items.filter(isQuestion);
}

/** Counts the questions of a questionnaire, the number a list card shows. */
export function countQuestions(questionnaire: Questionnaire): number {
  return listQuestions(questionnaire).length;
}
