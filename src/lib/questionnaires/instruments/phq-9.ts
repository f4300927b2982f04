import { buildFrequencyInstrument } from "./frequency-scale";

/**
 * PHQ-9 (Patient Health Questionnaire, Spitzer, Williams and Kroenke), developed with a grant from
 * Pfizer Inc., which states that no permission is required to reproduce, translate, display or
 * distribute it. English wording follows the published English form; Dutch wording follows the
 * Dutch translation distributed with it ("Patiëntvragenlijst over de gezondheid").
 * LOINC item and answer codes as in the LHC-Forms PHQ-9 (panel 44249-1, answer list LL358-3).
 *
 * NOTE: the Dutch item wording was written from the published translation without the PDF at
 * hand; compare it word for word with the official Dutch PHQ-9 before clinical use.
 */

export const PHQ9_URL = "https://veranda.example/fhir/Questionnaire/phq-9";
export const PHQ9_VERSION = "1.0.0";

const COPYRIGHT = "PHQ-9 © Pfizer Inc. No permission is required to reproduce, translate, display or distribute.";
const LOINC_ITEM_CODES = [
  "44250-9",
  "44255-8",
  "44259-0",
  "44254-1",
  "44251-7",
  "44258-2",
  "44252-5",
  "44253-3",
  "44260-8",
] as const;
const DIFFICULTY_LOINC = "69722-7";

const withCodes = (texts: readonly string[]) =>
  texts.map((text, index) => ({ text, loincCode: LOINC_ITEM_CODES[index] }));

/** The English PHQ-9 as a FHIR R4 Questionnaire. */
export const PHQ9_EN = buildFrequencyInstrument({
  id: "phq-9-en",
  url: PHQ9_URL,
  version: PHQ9_VERSION,
  name: "PHQ9",
  language: "en",
  title: "Patient Health Questionnaire (PHQ-9)",
  description: "Nine questions about how you have been feeling over the last two weeks.",
  copyright: COPYRIGHT,
  linkIdPrefix: "phq9",
  stem: "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
  questions: withCodes([
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
  ]),
  frequencyLabels: ["Not at all", "Several days", "More than half the days", "Nearly every day"],
  difficulty: {
    text: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
    loincCode: DIFFICULTY_LOINC,
    labels: ["Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"],
  },
});

/** The Dutch PHQ-9 as a FHIR R4 Questionnaire. */
export const PHQ9_NL = buildFrequencyInstrument({
  id: "phq-9-nl",
  url: PHQ9_URL,
  version: PHQ9_VERSION,
  name: "PHQ9",
  language: "nl",
  title: "Patiëntvragenlijst over de gezondheid (PHQ-9)",
  description: "Negen vragen over hoe u zich de afgelopen twee weken hebt gevoeld.",
  copyright: COPYRIGHT,
  linkIdPrefix: "phq9",
  stem: "Hoe vaak heeft u in de afgelopen 2 weken last gehad van de volgende problemen?",
  questions: withCodes([
    "Weinig interesse of plezier in het doen van dingen",
    "Zich neerslachtig, depressief of hopeloos voelen",
    "Moeite met in slaap vallen of doorslapen, of te veel slapen",
    "Zich moe voelen of weinig energie hebben",
    "Slechte eetlust of te veel eten",
    "Zich slecht voelen over uzelf — of het gevoel hebben dat u een mislukkeling bent of dat u uzelf of uw familie teleurgesteld heeft",
    "Moeite met concentreren op dingen, zoals het lezen van de krant of televisiekijken",
    "Zo langzaam bewegen of praten dat andere mensen het zouden kunnen opmerken? Of juist het tegenovergestelde — zo gejaagd of rusteloos zijn dat u veel meer beweegt dan gewoonlijk",
    "Gedachten dat u beter dood zou kunnen zijn of gedachten om uzelf op een of andere manier iets aan te doen",
  ]),
  frequencyLabels: ["Helemaal niet", "Meerdere dagen", "Meer dan de helft van de dagen", "Bijna elke dag"],
  difficulty: {
    text: "Als u problemen heeft aangekruist, hoe moeilijk hebben deze problemen het u gemaakt om uw werk te doen, om dingen thuis te regelen of om met andere mensen om te gaan?",
    loincCode: DIFFICULTY_LOINC,
    labels: ["Helemaal niet moeilijk", "Enigszins moeilijk", "Zeer moeilijk", "Extreem moeilijk"],
  },
});
