import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

import { getDb } from "../../src/lib/db/client";
import { loadOverview } from "../../src/lib/overview/load";
import { calendarDateIn } from "../../src/lib/time/calendar";
import type { TestBrowser } from "./support/browser";
import {
  createAssignment,
  createClient,
  createDocument,
  createPractice,
  createQuestionnaireVersion,
} from "./support/fixtures";
import { signInWithLink } from "./support/sign-in";

const DAY_MS = 24 * 60 * 60 * 1000;

async function overviewHtml(browser: TestBrowser): Promise<string> {
  const response = await browser.get("/dashboard");
  expect(response.status).toBe(200);
  return response.text();
}

/** Returns the document names in the Recent documents widget, in page order. */
function recentDocumentNames(html: string): string[] {
  const widget = html.split('id="recent-documents-title"')[1]?.split("</section>")[0] ?? "";
  return [...widget.matchAll(/class="document-item__name"[^>]*>([^<]+)</g)].map((match) => match[1] ?? "");
}

/**
 * Wraps the real D1 binding and counts round trips: every `batch` and every statement run on its
 * own. Nothing is faked; each call goes to the database.
 */
function countingDatabase(binding: D1Database) {
  const counter = { roundTrips: 0 };
  const countStatement = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (typeof value !== "function") return value;
        if (property === "bind") return (...args: unknown[]) => countStatement(value.apply(target, args));
        if (["all", "first", "run", "raw"].includes(String(property))) {
          return (...args: unknown[]) => {
            counter.roundTrips += 1;
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const database = new Proxy(binding, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property === "prepare") return (query: string) => countStatement(value.call(target, query));
      if (property === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counter.roundTrips += 1;
          return value.call(target, statements);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { database, counter };
}

describe("overview", () => {
  it("shows empty states when nothing is assigned or shared", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id, { preferredName: "Noor" });
    const html = await overviewHtml(await signInWithLink(practice.host, client.email));

    expect(html).toMatch(/(Goedemorgen|Goedemiddag|Goedenavond), Noor/);
    expect(html).toContain(
      `Dit is je eigen plek om documenten te lezen en vragenlijsten in te vullen van ${practice.name}.`,
    );
    expect(html).not.toContain("Vragenlijsten om in te vullen");
    expect(html).toContain("Recente documenten");
    expect(html).toContain("Er is nog niets met je gedeeld.");
    expect(html).toContain("Nog 0 vragenlijsten in te vullen");
    expect(html).toContain("0 documenten beschikbaar");
  });

  it("shows the five newest of six shared documents", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const now = Date.now();
    const names = [];
    for (let index = 0; index < 6; index += 1) {
      const document = await createDocument(practice.id, client.id, {
        fileName: `Document ${index}.pdf`,
        sharedAt: new Date(now - (6 - index) * DAY_MS),
      });
      names.push(document.fileName);
    }

    const html = await overviewHtml(await signInWithLink(practice.host, client.email));

    expect(recentDocumentNames(html)).toEqual([
      "Document 5.pdf",
      "Document 4.pdf",
      "Document 3.pdf",
      "Document 2.pdf",
      "Document 1.pdf",
    ]);
    expect(html).toContain("6 documenten beschikbaar");
    expect(html).toMatch(/\d+ byte/);
  });

  it("neither shows nor counts an unshared document", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    await createDocument(practice.id, client.id, { fileName: "Gedeeld.pdf" });
    await createDocument(practice.id, client.id, { fileName: "Teruggenomen.pdf", unsharedAt: new Date() });
    await createDocument(practice.id, client.id, { fileName: "Nooit gedeeld.pdf", sharedAt: null });

    const html = await overviewHtml(await signInWithLink(practice.host, client.email));

    expect(recentDocumentNames(html)).toEqual(["Gedeeld.pdf"]);
    expect(html).toContain("1 document beschikbaar");
  });

  it("lists pending questionnaires with the overdue one first", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const today = calendarDateIn(new Date(), practice.timeZone);
    const yesterday = calendarDateIn(new Date(Date.now() - DAY_MS), practice.timeZone);
    const later = calendarDateIn(new Date(Date.now() + 7 * DAY_MS), practice.timeZone);
    const undated = await createQuestionnaireVersion(practice.id, { title: "Zonder datum" });
    const due = await createQuestionnaireVersion(practice.id, { title: "Volgende week" });
    const dueToday = await createQuestionnaireVersion(practice.id, { title: "Vandaag" });
    const overdue = await createQuestionnaireVersion(practice.id, { title: "Te laat ingevuld" });
    const done = await createQuestionnaireVersion(practice.id, { title: "Al klaar" });
    const other = await createClient(practice.id);
    await createAssignment(practice.id, client.id, undated.id);
    await createAssignment(practice.id, client.id, due.id, { dueDate: later });
    await createAssignment(practice.id, client.id, dueToday.id, { dueDate: today });
    await createAssignment(practice.id, client.id, overdue.id, { dueDate: yesterday });
    await createAssignment(practice.id, client.id, done.id, { status: "completed", completedAt: new Date() });
    await createAssignment(practice.id, other.id, done.id);

    const html = await overviewHtml(await signInWithLink(practice.host, client.email));
    const widget = html.split('id="pending-title"')[1]?.split("</section>")[0] ?? "";
    const titles = [...widget.matchAll(/class="task__title"[^>]*>([^<]+)</g)].map((match) => match[1]);

    expect(titles).toEqual(["Te laat ingevuld", "Vandaag", "Volgende week", "Zonder datum"]);
    expect(widget).toContain("Te laat");
    expect(widget).toContain('aria-hidden="true"');
    expect(widget).toContain("Vandaag invullen");
    expect(html).toContain("Nog 4 vragenlijsten in te vullen");
  });

  it("costs exactly one D1 round trip", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    await createDocument(practice.id, client.id);
    await createAssignment(practice.id, client.id, (await createQuestionnaireVersion(practice.id)).id);
    const { database, counter } = countingDatabase(env.DB);

    const overview = await loadOverview(getDb(database), {
      practiceId: practice.id,
      clientId: client.id,
      today: calendarDateIn(new Date(), practice.timeZone),
    });

    expect(counter.roundTrips).toBe(1);
    expect(overview.recentDocuments).toHaveLength(1);
    expect(overview.pending).toHaveLength(1);
    expect(overview.documentCount).toBe(1);
    expect(overview.pendingCount).toBe(1);
  });

  it("renders in English for an English client", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id, { firstName: "Daan", locale: "en" });

    const html = await overviewHtml(await signInWithLink(practice.host, client.email));

    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(/Good (morning|afternoon|evening), Daan/);
    expect(html).toContain("Nothing has been shared with you yet.");
    expect(html).toContain("0 documents available");
  });
});
