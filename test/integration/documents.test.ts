import { describe, expect, it } from "vitest";

import { TestBrowser } from "./support/browser";
import { countRows, execute, rows } from "./support/database";
import { createClient, createDocument, createPractice } from "./support/fixtures";
import { signInWithLink } from "./support/sign-in";

const DUTCH_NAME = "Behandelplan – Jänsen (déf).pdf";

/** 1,000 bytes where byte i is i % 256, so any slice can be checked. */
function patternBytes(length = 1000): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => index % 256);
}

async function signedInClient() {
  const practice = await createPractice();
  const client = await createClient(practice.id);
  const browser = await signInWithLink(practice.host, client.email);
  return { practice, client, browser };
}

async function listedNames(browser: TestBrowser, path = "/documents"): Promise<string[]> {
  const html = await (await browser.get(path)).text();
  return [...html.matchAll(/class="document-item__name"[^>]*>([^<]+)</g)].map((match) => match[1] ?? "");
}

describe("document list", () => {
  it("shows an empty state", async () => {
    const { browser } = await signedInClient();

    const html = await (await browser.get("/documents")).text();

    expect(html).toContain("Er is nog niets met je gedeeld.");
  });

  it("pages newest first in batches of twenty", async () => {
    const { practice, client, browser } = await signedInClient();
    const sameInstant = new Date(Date.now() - 60_000);
    for (let index = 0; index < 45; index += 1) {
      // Ten share the same instant, so the cursor must break ties by id.
      const sharedAt = index < 10 ? sameInstant : new Date(Date.now() - (index + 2) * 60_000);
      await createDocument(practice.id, client.id, {
        fileName: `Brief ${String(index).padStart(2, "0")}.pdf`,
        sharedAt,
      });
    }

    const first = await browser.get("/api/documents");
    const firstPage = (await first.json()) as { items: { fileName: string }[]; nextCursor: string };
    const second = (await (
      await browser.get(`/api/documents?cursor=${firstPage.nextCursor}`)
    ).json()) as typeof firstPage;
    const third = (await (await browser.get(`/api/documents?cursor=${second.nextCursor}`)).json()) as {
      items: { fileName: string }[];
      nextCursor: string | null;
    };
    const names = [...firstPage.items, ...second.items, ...third.items].map((item) => item.fileName);

    expect(firstPage.items).toHaveLength(20);
    expect(second.items).toHaveLength(20);
    expect(third.items).toHaveLength(5);
    expect(third.nextCursor).toBeNull();
    expect(new Set(names).size).toBe(45);
    expect(names.slice(10)).toEqual(names.slice(10).toSorted());
    expect(await listedNames(browser)).toEqual(names.slice(0, 20));
    expect(await listedNames(browser, `/documents?cursor=${firstPage.nextCursor}`)).toEqual(names.slice(20, 40));
  });

  it("rejects a tampered cursor", async () => {
    const { browser } = await signedInClient();

    const response = await browser.get("/api/documents?cursor=bm90LWEtY3Vyc29y");

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_input");
  });

  it("shows type, size, date and acknowledgement state", async () => {
    const { practice, client, browser } = await signedInClient();
    await createDocument(practice.id, client.id, {
      fileName: "Afspraken.docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      kind: "word",
      bytes: new Uint8Array(1_234_567),
      acknowledgementRequestedAt: new Date(),
    });

    const html = await (await browser.get("/documents")).text();

    expect(html).toContain("Word");
    expect(html).toContain("1,2 MB");
    expect(html).toMatch(/Gedeeld op \d{1,2} \w+ \d{4}/);
    expect(html).toContain("Bevestiging gevraagd");
  });
});

describe("document access", () => {
  it("answers foreign and missing ids with the same 404", async () => {
    const { practice, browser } = await signedInClient();
    const otherClient = await createClient(practice.id);
    const otherPractice = await createPractice();
    const otherPracticeClient = await createClient(otherPractice.id);
    const theirs = await createDocument(practice.id, otherClient.id, { acknowledgementRequestedAt: new Date() });
    const foreign = await createDocument(otherPractice.id, otherPracticeClient.id, {
      acknowledgementRequestedAt: new Date(),
    });

    for (const id of [theirs.id, foreign.id, "doc_missing"]) {
      const view = await browser.get(`/documents/${id}`);
      const file = await browser.get(`/documents/${id}/file`);
      const download = await browser.get(`/documents/${id}/file?download=1`);
      const acknowledge = await browser.post(`/documents/${id}/acknowledge`);

      expect(view.status, id).toBe(404);
      expect(await view.text(), id).toContain("Pagina niet gevonden");
      for (const response of [file, download, acknowledge]) {
        expect(response.status, id).toBe(404);
        expect(await response.json(), id).toEqual({ error: { code: "not_found", message: "Niet gevonden." } });
      }
    }
    expect(await countRows("documents", "acknowledged_at IS NOT NULL AND id IN (?, ?)", theirs.id, foreign.id)).toBe(0);
  });

  it("removes an unshared document from list, page and URL at once", async () => {
    const { practice, client, browser } = await signedInClient();
    const document = await createDocument(practice.id, client.id, { fileName: "Wordt teruggenomen.pdf" });
    expect((await browser.get(`/documents/${document.id}/file`)).status).toBe(200);

    await execute("UPDATE documents SET unshared_at = ? WHERE id = ?", Date.now(), document.id);

    expect(await listedNames(browser)).toEqual([]);
    expect((await browser.get(`/documents/${document.id}`)).status).toBe(404);
    expect((await browser.get(`/documents/${document.id}/file?download=1`)).status).toBe(404);
  });

  it("sends a signed-out visitor of a file to sign in", async () => {
    const { practice, client } = await signedInClient();
    const document = await createDocument(practice.id, client.id);

    const response = await new TestBrowser(practice.host).get(`/documents/${document.id}/file`);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/login?next=${encodeURIComponent(`/documents/${document.id}/file`)}`,
    );
    expect(await response.text()).toBe("");
  });
});

describe("document file", () => {
  it("downloads under the original Dutch name with the exact bytes", async () => {
    const { practice, client, browser } = await signedInClient();
    const bytes = patternBytes();
    const document = await createDocument(practice.id, client.id, { fileName: DUTCH_NAME, bytes });

    const response = await browser.get(`/documents/${document.id}/file?download=1`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Behandelplan - Jansen (def).pdf\"; filename*=UTF-8''Behandelplan%20%E2%80%93%20J%C3%A4nsen%20%28d%C3%A9f%29.pdf",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(await countRows("audit_events", "action = 'document.downloaded' AND target_id = ?", document.id)).toBe(1);
    expect(await countRows("documents", "id = ? AND first_downloaded_at IS NOT NULL", document.id)).toBe(1);
  });

  it("shows PDFs inline and other types only as downloads", async () => {
    const { practice, client, browser } = await signedInClient();
    const pdf = await createDocument(practice.id, client.id);
    const script = await createDocument(practice.id, client.id, {
      fileName: "notities.html",
      contentType: "text/html",
      kind: "other",
      bytes: new TextEncoder().encode("<script>alert(1)</script>"),
    });

    const inline = await browser.get(`/documents/${pdf.id}/file`);
    const other = await browser.get(`/documents/${script.id}/file`);

    expect(inline.headers.get("content-type")).toBe("application/pdf");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(inline.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(other.headers.get("content-type")).toBe("application/octet-stream");
    expect(other.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=-100", 900, 999],
    ["bytes=100-", 100, 999],
  ])("answers %s with 206 and the right bytes", async (range, start, end) => {
    const { practice, client, browser } = await signedInClient();
    const bytes = patternBytes();
    const document = await createDocument(practice.id, client.id, { bytes });

    const response = await browser.get(`/documents/${document.id}/file`, { Range: range });

    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${start}-${end}/1000`);
    expect(response.headers.get("content-length")).toBe(String(end - start + 1));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
  });

  it("answers an unsatisfiable range with 416", async () => {
    const { practice, client, browser } = await signedInClient();
    const document = await createDocument(practice.id, client.id, { bytes: patternBytes() });

    const response = await browser.get(`/documents/${document.id}/file`, { Range: "bytes=5000-" });

    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe("bytes */1000");
  });
});

describe("document page", () => {
  it("records the view and offers the download", async () => {
    const { practice, client, browser } = await signedInClient();
    const document = await createDocument(practice.id, client.id, { fileName: DUTCH_NAME });

    const html = await (await browser.get(`/documents/${document.id}`)).text();

    expect(html).toContain(`<h1 class="document-title">Behandelplan – Jänsen (déf).pdf</h1>`);
    expect(html).toContain(`/documents/${document.id}/file?download=1`);
    expect(html).toContain("<iframe");
    const [event] = await rows<{ actor_id: string; target_id: string }>(
      "SELECT actor_id, target_id FROM audit_events WHERE action = 'document.viewed'",
    );
    expect(event).toEqual({ actor_id: client.id, target_id: document.id });
  });

  it("acknowledges once and cannot be undone", async () => {
    const { practice, client, browser } = await signedInClient();
    const document = await createDocument(practice.id, client.id, { acknowledgementRequestedAt: new Date() });

    const first = await browser.post(`/documents/${document.id}/acknowledge`);
    const [{ acknowledged_at: firstTime } = { acknowledged_at: 0 }] = await rows<{ acknowledged_at: number }>(
      "SELECT acknowledged_at FROM documents WHERE id = ?",
      document.id,
    );
    const second = await browser.post(`/documents/${document.id}/acknowledge`);
    const page = await (await browser.get(`/documents/${document.id}`)).text();

    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(firstTime).toBeGreaterThan(0);
    expect(await countRows("documents", "id = ? AND acknowledged_at = ?", document.id, firstTime)).toBe(1);
    expect(await countRows("audit_events", "action = 'document.acknowledged' AND target_id = ?", document.id)).toBe(1);
    expect(page).toMatch(/Bevestigd op \d{1,2} \w+ \d{4}/);
    expect(page).not.toContain("Ik heb dit document gelezen");
  });

  it("refuses to acknowledge what was not requested", async () => {
    const { practice, client, browser } = await signedInClient();
    const document = await createDocument(practice.id, client.id);

    const response = await browser.post(`/documents/${document.id}/acknowledge`);
    const page = await (await browser.get(`/documents/${document.id}?acknowledged=1`)).text();

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/documents/${document.id}`);
    expect(page).not.toContain("Je praktijk ziet dat je dit document hebt gelezen");
    expect(await countRows("documents", "id = ? AND acknowledged_at IS NOT NULL", document.id)).toBe(0);
  });
});
