const CORE = "http://hl7.org/fhir/StructureDefinition/";

/** Extensions the importer reads. The older ordinal forms still occur in LOINC-derived forms. */
export const EXTENSION_URL = {
  minValue: `${CORE}minValue`,
  maxValue: `${CORE}maxValue`,
  minOccurs: `${CORE}questionnaire-minOccurs`,
  maxOccurs: `${CORE}questionnaire-maxOccurs`,
  itemControl: `${CORE}questionnaire-itemControl`,
  ordinalValue: `${CORE}ordinalValue`,
  itemWeight: `${CORE}itemWeight`,
  coValue: `${CORE}iso21090-CO-value`,
  optionPrefix: `${CORE}questionnaire-optionPrefix`,
  entryFormat: `${CORE}entryFormat`,
  choiceOrientation: `${CORE}questionnaire-choiceOrientation`,
  displayCategory: `${CORE}questionnaire-displayCategory`,
  unit: `${CORE}questionnaire-unit`,
  renderingXhtml: `${CORE}rendering-xhtml`,
  renderingMarkdown: `${CORE}rendering-markdown`,
} as const;

export const ORDINAL_VALUE_URLS: readonly string[] = [
  EXTENSION_URL.ordinalValue,
  EXTENSION_URL.itemWeight,
  EXTENSION_URL.coValue,
];

/**
 * Extensions that change which items show, what is asked or what is stored. Matched on the last
 * URL segment without the `sdc-` prefix, because the same extension is published under core and
 * SDC URLs (`questionnaire-calculatedExpression` and `sdc-questionnaire-calculatedExpression`).
 * Any other name ending in "Expression" is rejected too: an expression always computes something.
 */
const REJECTED_NAMES = new Set([
  "variable",
  "cqf-library",
  "cqf-expression",
  "cqf-calculatedValue",
  "cqf-initialValue",
  "questionnaire-launchContext",
  "questionnaire-sourceQueries",
  "questionnaire-itemPopulationContext",
  "questionnaire-constraint",
  "questionnaire-subQuestionnaire",
  "questionnaire-referenceResource",
  "questionnaire-referenceProfile",
  "questionnaire-hidden",
  "questionnaire-unitOption",
  "questionnaire-unitValueSet",
  "questionnaire-isSubject",
  "questionnaire-optionExclusive",
  "regex",
  "minLength",
  "maxDecimalPlaces",
  "maxSize",
  "mimeType",
]);

/** Extensions that only affect layout, population from other records or data extraction. */
const IGNORED_NAMES = new Set([
  "rendering-style",
  "rendering-styleSensitive",
  "questionnaire-supportLink",
  "questionnaire-shortText",
  "questionnaire-collapsible",
  "questionnaire-sliderStepValue",
  "questionnaire-width",
  "questionnaire-columnCount",
  "questionnaire-signatureRequired",
  "questionnaire-usageMode",
  "questionnaire-observationLinkPeriod",
  "questionnaire-observationExtract",
  "questionnaire-observationExtractCategory",
  "questionnaire-itemExtractionContext",
  "questionnaire-definitionExtract",
  "questionnaire-entryMode",
  "questionnaire-endpoint",
  "questionnaire-preferredTerminologyServer",
  "questionnaire-baseType",
  "questionnaire-fhirType",
  "questionnaire-itemMedia",
  "questionnaire-itemAnswerMedia",
  "translation",
  "designNote",
  "structuredefinition-standards-status",
  "structuredefinition-fmm",
  "structuredefinition-wg",
]);

export type ExtensionClass = "rejected" | "ignored" | "unknown";

/** Classifies an extension the importer does not read itself. */
export function classifyExtension(url: string): ExtensionClass {
  const lastSegment = url.slice(url.lastIndexOf("/") + 1);
  const name = lastSegment.startsWith("sdc-") ? lastSegment.slice("sdc-".length) : lastSegment;

  if (REJECTED_NAMES.has(name) || name.endsWith("Expression")) return "rejected";
  if (IGNORED_NAMES.has(name)) return "ignored";
  return "unknown";
}
