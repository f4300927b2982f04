import { buildFrequencyInstrument } from "./frequency-scale";

/**
 * GAD-7 (Generalized Anxiety Disorder scale, Spitzer, Kroenke, Williams and Löwe, 2006), from the
 * same Pfizer-funded family as the PHQ-9 and free to reproduce, translate, display and distribute.
 * English wording follows the published English form; Dutch wording follows the Dutch
 * translation distributed with it. The answers use LOINC answer list LL358-3, as the PHQ-9 does.
 *
 * NOTE: LOINC codes of the GAD-7 questions are left out because they were not checked against
 * LOINC here, and the Dutch item wording should be compared word for word with the official
 * Dutch GAD-7 before clinical use.
 */

export const GAD7_URL = "https://veranda.example/fhir/Questionnaire/gad-7";
export const GAD7_VERSION = "1.0.0";

const COPYRIGHT = "GAD-7 © Pfizer Inc. No permission is required to reproduce, translate, display or distribute.";

/** The English GAD-7 as a FHIR R4 Questionnaire. */
export const GAD7_EN = buildFrequencyInstrument({
  id: "gad-7-en",
  url: GAD7_URL,
  version: GAD7_VERSION,
  name: "GAD7",
  language: "en",
  title: "Generalized Anxiety Disorder scale (GAD-7)",
  description: "Seven questions about worry and anxiety over the last two weeks.",
  copyright: COPYRIGHT,
  linkIdPrefix: "gad7",
  stem: "Over the last 2 weeks, how often have you been bothered by the following problems?",
  questions: [
    { text: "Feeling nervous, anxious, or on edge" },
    { text: "Not being able to stop or control worrying" },
    { text: "Worrying too much about different things" },
    { text: "Trouble relaxing" },
    { text: "Being so restless that it is hard to sit still" },
    { text: "Becoming easily annoyed or irritable" },
    { text: "Feeling afraid, as if something awful might happen" },
  ],
  frequencyLabels: ["Not at all", "Several days", "More than half the days", "Nearly every day"],
  difficulty: {
    text: "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
    labels: ["Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"],
  },
});

/** The Dutch GAD-7 as a FHIR R4 Questionnaire. */
export const GAD7_NL = buildFrequencyInstrument({
  id: "gad-7-nl",
  url: GAD7_URL,
  version: GAD7_VERSION,
  name: "GAD7",
  language: "nl",
  title: "Vragenlijst gegeneraliseerde angst (GAD-7)",
  description: "Zeven vragen over piekeren en angst in de afgelopen twee weken.",
  copyright: COPYRIGHT,
  linkIdPrefix: "gad7",
  stem: "Hoe vaak heeft u in de afgelopen 2 weken last gehad van de volgende problemen?",
  questions: [
    { text: "Zich nerveus, angstig of gespannen voelen" },
    { text: "Niet in staat zijn om te stoppen met piekeren of om het piekeren onder controle te houden" },
    { text: "Zich te veel zorgen maken over verschillende dingen" },
    { text: "Moeite om te ontspannen" },
    { text: "Zo rusteloos zijn dat het moeilijk is om stil te zitten" },
    { text: "Snel geïrriteerd of prikkelbaar zijn" },
    { text: "Zich bang voelen alsof er iets vreselijks zou kunnen gebeuren" },
  ],
  frequencyLabels: ["Helemaal niet", "Meerdere dagen", "Meer dan de helft van de dagen", "Bijna elke dag"],
  difficulty: {
    text: "Als u problemen heeft aangekruist, hoe moeilijk hebben deze problemen het u gemaakt om uw werk te doen, om dingen thuis te regelen of om met andere mensen om te gaan?",
    labels: ["Helemaal niet moeilijk", "Enigszins moeilijk", "Zeer moeilijk", "Extreem moeilijk"],
  },
});
