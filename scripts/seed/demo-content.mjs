// What the demo practice holds beyond db/seed/demo.sql: documents with real files, questionnaires
// and assignments in every state the Overview can show. Ids are fixed, so seeding twice changes
// nothing.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

import { makePdf, makePng } from "./files.mjs";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns `YYYY-MM-DD` for `offsetDays` from today in Amsterdam. */
function amsterdamDate(offsetDays) {
  const instant = new Date(Date.now() + offsetDays * DAY_MS);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(instant);
}

function pdfDocument(id, fileName, title, lines, options) {
  return { id, fileName, contentType: "application/pdf", bytes: makePdf(title, lines), ...options };
}

/** Documents per client, newest share last; `sharedDaysAgo: null` means uploaded but not shared. */
export function demoDocuments() {
  return [
    pdfDocument(
      "doc_demo_plan",
      "Behandelplan – Jänsen (déf).pdf",
      "Behandelplan",
      ["Cliënt: Sanne de Vries", "Doel: beter slapen en minder piekeren.", "Aanpak: 8 gesprekken CGT."],
      { clientId: "cli_sanne", sharedDaysAgo: 20, acknowledgementRequested: true },
    ),
    pdfDocument("doc_demo_intake", "Verslag intakegesprek.pdf", "Verslag intakegesprek", ["Datum: zie portaal."], {
      clientId: "cli_sanne",
      sharedDaysAgo: 18,
    }),
    {
      id: "doc_demo_breathing",
      fileName: "Oefening ademhaling – schema.png",
      contentType: "image/png",
      bytes: makePng(480, 320, [47, 111, 94]),
      clientId: "cli_sanne",
      sharedDaysAgo: 12,
    },
    pdfDocument(
      "doc_demo_privacy",
      "Informatiebrief privacy & dossier.pdf",
      "Privacy en je dossier",
      ["Wat wij bewaren."],
      {
        clientId: "cli_sanne",
        sharedDaysAgo: 9,
        acknowledgementRequested: true,
        acknowledgedDaysAgo: 8,
      },
    ),
    {
      id: "doc_demo_contact",
      fileName: "Afspraken en contactgegevens.txt",
      contentType: "text/plain",
      bytes: Buffer.from("Praktijk De Linde\nTelefoon: 020 123 4567\nBij crisis: 113 of 0800-0113\n", "utf8"),
      clientId: "cli_sanne",
      sharedDaysAgo: 5,
    },
    pdfDocument(
      "doc_demo_homework",
      "Huiswerk week 3 – gedachtenschema.pdf",
      "Gedachtenschema",
      ["Situatie", "Gedachte", "Gevoel"],
      {
        clientId: "cli_sanne",
        sharedDaysAgo: 2,
      },
    ),
    pdfDocument("doc_demo_draft", "Concept eindverslag.pdf", "Concept eindverslag", ["Nog niet gedeeld."], {
      clientId: "cli_sanne",
      sharedDaysAgo: null,
    }),
    pdfDocument("doc_demo_jo", "Welkom bij Praktijk De Linde.pdf", "Welkom", ["Fijn dat je er bent, Jo."], {
      clientId: "cli_joelle",
      sharedDaysAgo: 1,
    }),
  ].map((document) => ({ ...document, now: Date.now(), DAY_MS }));
}

let builtInsPromise;

/** Returns the instruments and system roles, printed by built-ins.ts because they are TypeScript. */
export function builtIns() {
  builtInsPromise ??= promisify(execFile)("npx", ["tsx", "scripts/seed/built-ins.ts"], { env: process.env }).then(
    ({ stdout }) => JSON.parse(stdout),
  );
  return builtInsPromise;
}

/** System roles of the demo staff, and the clients each practitioner treats. */
export const DEMO_STAFF_ROLES = [
  ["stf_eva", "prac_demo", "admin"],
  ["stf_koen", "prac_demo", "practitioner"],
  ["stf_ilse", "prac_demo", "secretary"],
  ["stf_mirjam", "prac_zonnehuis", "admin"],
];
export const DEMO_CLIENT_STAFF = [
  ["cli_sanne", "stf_koen", "prac_demo"],
  ["cli_joelle", "stf_koen", "prac_demo"],
];

/**
 * Questionnaires of the demo practice: the practice's own from db/seed/questionnaires, and the
 * built-in PHQ-9 and GAD-7 in both languages.
 */
export async function demoQuestionnaires() {
  const names = [
    ["qst_demo_kennismaking", "kennismaking.json"],
    ["qst_demo_tevredenheid", "tevredenheid.json"],
    ["qst_demo_check_in", "check-in.json"],
  ];
  const own = await Promise.all(
    names.map(async ([id, file]) => ({
      id,
      builtIn: false,
      resource: JSON.parse(await readFile(new URL(`../../db/seed/questionnaires/${file}`, import.meta.url), "utf8")),
    })),
  );

  const { instruments } = await builtIns();
  const builtIn = [
    ["qst_demo_phq9_nl", instruments.PHQ9_NL],
    ["qst_demo_phq9_en", instruments.PHQ9_EN],
    ["qst_demo_gad7_nl", instruments.GAD7_NL],
    ["qst_demo_gad7_en", instruments.GAD7_EN],
  ].map(([id, resource]) => ({ id, builtIn: true, resource }));
  return [...own, ...builtIn];
}

/**
 * Returns the submitted answers of the completed demo assignment (a weekly check-in), with the FHIR
 * QuestionnaireResponse the console shows and exports.
 */
export function demoCompletedResponse(completedAt) {
  const answers = {
    stemming: [{ type: "integer", value: 7 }],
    oefening: [{ type: "boolean", value: true }],
  };
  const resource = {
    resourceType: "QuestionnaireResponse",
    id: "rsp_demo_completed",
    questionnaire: "https://veranda.example/fhir/Questionnaire/demo-check-in|1",
    status: "completed",
    subject: { reference: "Patient/cli_sanne" },
    authored: new Date(completedAt).toISOString(),
    item: [
      {
        linkId: "stemming",
        text: "Hoe was je stemming deze week, van 1 (slecht) tot 10 (goed)?",
        answer: [{ valueInteger: 7 }],
      },
      { linkId: "oefening", text: "Heb je de ademhalingsoefening gedaan?", answer: [{ valueBoolean: true }] },
    ],
  };
  return { id: "rsp_demo_completed", assignmentId: "asg_demo_completed", answers, resource };
}

/** Assignments for Sanne in every state: overdue, due today, due later, undated, completed. */
export function demoAssignments() {
  return [
    {
      id: "asg_demo_overdue",
      clientId: "cli_sanne",
      questionnaireId: "qst_demo_kennismaking",
      dueDate: amsterdamDate(-3),
      assignedDaysAgo: 10,
    },
    {
      id: "asg_demo_today",
      clientId: "cli_sanne",
      questionnaireId: "qst_demo_check_in",
      dueDate: amsterdamDate(0),
      assignedDaysAgo: 6,
    },
    {
      id: "asg_demo_later",
      clientId: "cli_sanne",
      questionnaireId: "qst_demo_tevredenheid",
      dueDate: amsterdamDate(14),
      assignedDaysAgo: 2,
    },
    {
      id: "asg_demo_undated",
      clientId: "cli_sanne",
      questionnaireId: "qst_demo_check_in",
      dueDate: null,
      assignedDaysAgo: 1,
    },
    {
      id: "asg_demo_completed",
      clientId: "cli_sanne",
      questionnaireId: "qst_demo_check_in",
      dueDate: amsterdamDate(-8),
      assignedDaysAgo: 14,
      completedDaysAgo: 9,
    },
    {
      id: "asg_demo_jo",
      clientId: "cli_joelle",
      questionnaireId: "qst_demo_kennismaking",
      dueDate: amsterdamDate(7),
      assignedDaysAgo: 1,
    },
  ];
}
