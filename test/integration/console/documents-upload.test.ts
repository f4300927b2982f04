import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

import { MAX_DOCUMENT_BYTES } from "../../../src/lib/console/documents/limits";
import { sampleFiles } from "../../fixtures/files/samples";
import { rows } from "../support/database";
import {
  auditActions,
  documentCount,
  send,
  sha256Hex,
  staffScenario,
  storedDocumentKeys,
  uploadForm,
  uploadRaw,
} from "./content-helpers";

const UPLOADER = ["clients.read", "clients.read.all", "documents.expose"] as const;
const DUTCH_NAME = "Behandelplan – Jänsen (déf).pdf";

interface DocumentRow {
  id: string;
  file_name: string;
  content_type: string;
  kind: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  shared_at: number | null;
  acknowledgement_requested_at: number | null;
}

function documentRows(clientId: string) {
  return rows<DocumentRow>("SELECT * FROM documents WHERE client_id = ? ORDER BY uploaded_at", clientId);
}

const encoder = new TextEncoder();
const SAMPLE_FILES = sampleFiles();

describe("document upload", () => {
  it.each([
    ["sample.pdf", "Verslag intake.pdf", "application/pdf", "pdf"],
    [
      "sample.docx",
      "Behandelplan.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "word",
    ],
    ["sample.xlsx", "Scores.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "excel"],
    ["sample.odt", "Brief.odt", "application/vnd.oasis.opendocument.text", "word"],
    ["sample.jpg", "Foto.JPG", "image/jpeg", "image"],
    ["sample.png", "Schema.png", "image/png", "image"],
  ] as const)("stores %s with its bytes and SHA-256", async (sample, fileName, contentType, kind) => {
    const { client, staff, browser } = await staffScenario(UPLOADER);
    const bytes = SAMPLE_FILES[sample];

    const response = await uploadRaw(browser, client.id, fileName, bytes);

    expect(response.status).toBe(201);
    const [row] = await documentRows(client.id);
    expect(row?.file_name).toBe(fileName);
    expect(row?.content_type).toBe(contentType);
    expect(row?.kind).toBe(kind);
    expect(row?.size_bytes).toBe(bytes.byteLength);
    expect(row?.sha256).toBe(await sha256Hex(bytes));
    expect(row?.uploaded_by).toBe(staff.id);
    expect(row?.shared_at).toBeNull();
    expect(row?.storage_key).toMatch(/^documents\/[0-9a-f-]{36}$/);
    const stored = await env.FILES.get(row?.storage_key ?? "");
    expect(new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
    expect(await auditActions(row?.id ?? "")).toEqual(["document.uploaded"]);
  });

  it("keeps a Unicode file name", async () => {
    const { client, browser } = await staffScenario(UPLOADER);

    const response = await uploadRaw(browser, client.id, DUTCH_NAME, SAMPLE_FILES["sample.pdf"]);
    const [row] = await documentRows(client.id);
    const download = await browser.get(`/practice/clients/${client.id}/documents/${row?.id}/file`);

    expect(response.status).toBe(201);
    expect(row?.file_name).toBe(DUTCH_NAME);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(
      "attachment; filename=\"Behandelplan - Jansen (def).pdf\"; filename*=UTF-8''Behandelplan%20%E2%80%93%20J%C3%A4nsen%20%28d%C3%A9f%29.pdf",
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(SAMPLE_FILES["sample.pdf"]);
  });

  it("shares and asks acknowledgement on upload when ticked", async () => {
    const { client, browser } = await staffScenario(UPLOADER);

    const response = await uploadRaw(
      browser,
      client.id,
      "Plan.pdf",
      SAMPLE_FILES["sample.pdf"],
      "?share=1&acknowledgement=1",
    );
    const [row] = await documentRows(client.id);

    expect(response.status).toBe(201);
    expect(row?.shared_at).not.toBeNull();
    expect(row?.acknowledgement_requested_at).not.toBeNull();
    expect(await auditActions(row?.id ?? "")).toEqual([
      "document.uploaded",
      "document.shared",
      "document.acknowledgement_requested",
    ]);
  });

  it.each([
    ["an HTML page renamed to .pdf", "Verslag.pdf", "<!DOCTYPE html><html><body>Hallo</body></html>", "html"],
    ["HTML without a doctype", "brief.txt", "\n  <HTML><script>alert(1)</script></HTML>", "html"],
    ["an SVG image", "logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "svg"],
    [
      "an SVG behind an XML declaration, named .png",
      "logo.png",
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      "svg",
    ],
    ["a shell script renamed to .pdf", "scan.pdf", "#!/bin/sh\nrm -rf /\n", "script"],
    ["a script tag in a text file", "notes.txt", "Notities\n<script>alert(1)</script>\n", "script"],
    ["a JavaScript file", "app.js", "alert(1);\n", "script"],
  ] as const)("rejects %s", async (_case, fileName, content, reason) => {
    const { client, browser } = await staffScenario(UPLOADER);
    const keysBefore = await storedDocumentKeys();

    const response = await uploadRaw(browser, client.id, fileName, encoder.encode(content));
    const body = (await response.json()) as { error: { code: string; reason: string; message: string } };

    expect(response.status).toBe(415);
    expect(body.error.code).toBe("unsupported_media_type");
    expect(body.error.reason).toBe(reason);
    expect(body.error.message.length).toBeGreaterThan(20);
    expect(await documentCount(client.id)).toBe(0);
    expect(await storedDocumentKeys()).toEqual(keysBefore);
  });

  it.each([
    ["a Windows program renamed to .pdf", "factuur.pdf", [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]],
    ["an ELF program renamed to .docx", "plan.docx", [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]],
    ["a Mach-O program", "tool.png", [0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01]],
  ])("rejects %s", async (_case, fileName, header) => {
    const { client, browser } = await staffScenario(UPLOADER);
    const keysBefore = await storedDocumentKeys();
    const bytes = new Uint8Array(4096);
    bytes.set(header);

    const response = await uploadRaw(browser, client.id, fileName, bytes);
    const body = (await response.json()) as { error: { reason: string; message: string } };

    expect(response.status).toBe(415);
    expect(body.error.reason).toBe("executable");
    expect(body.error.message).toContain("programma");
    expect(await documentCount(client.id)).toBe(0);
    expect(await storedDocumentKeys()).toEqual(keysBefore);
  });

  it("rejects a ZIP archive and a ZIP renamed to .docx", async () => {
    const { client, browser } = await staffScenario(UPLOADER);
    const keysBefore = await storedDocumentKeys();

    const archive = await uploadRaw(browser, client.id, "stukken.zip", SAMPLE_FILES["archive.zip"]);
    const renamed = await uploadRaw(browser, client.id, "stukken.docx", SAMPLE_FILES["archive.zip"]);

    expect(archive.status).toBe(415);
    expect(((await archive.json()) as { error: { reason: string } }).error.reason).toBe("archive");
    expect(renamed.status).toBe(415);
    expect(((await renamed.json()) as { error: { reason: string } }).error.reason).toBe("damaged_office_file");
    expect(await documentCount(client.id)).toBe(0);
    expect(await storedDocumentKeys()).toEqual(keysBefore);
  });

  it("rejects a name that does not fit the bytes", async () => {
    const { client, browser } = await staffScenario(UPLOADER);

    const response = await uploadRaw(browser, client.id, "foto.jpg", SAMPLE_FILES["sample.png"]);
    const body = (await response.json()) as { error: { reason: string; message: string } };

    expect(response.status).toBe(415);
    expect(body.error.reason).toBe("extension_mismatch");
    expect(body.error.message).toContain(".jpg");
    expect(body.error.message).toContain("PNG-afbeelding");
    expect(body.error.message).toContain(".png");
  });

  it("accepts plain text and CSV", async () => {
    const { client, browser } = await staffScenario(UPLOADER);

    const text = await uploadRaw(
      browser,
      client.id,
      "afspraken.txt",
      encoder.encode("Afspraken\r\n- slapen om 23:00\n"),
    );
    const csv = await uploadRaw(browser, client.id, "scores.csv", encoder.encode("datum;score\n2026-12-01;12\n"));
    const types = (await documentRows(client.id)).map((row) => row.content_type);

    expect(text.status).toBe(201);
    expect(csv.status).toBe(201);
    expect(types).toEqual(["text/plain", "text/csv"]);
  });

  it("rejects a body over the limit by its Content-Length", async () => {
    const { client, browser } = await staffScenario(UPLOADER);
    const keysBefore = await storedDocumentKeys();
    const declared = new FixedLengthStream(MAX_DOCUMENT_BYTES + 1);

    const response = await send(browser, "POST", `/practice/api/clients/${client.id}/documents`, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(MAX_DOCUMENT_BYTES + 1),
        "X-File-Name": "groot.pdf",
      },
      body: declared.readable,
    });
    const body = (await response.json()) as { error: { code: string; message: string } };

    expect(response.status).toBe(413);
    expect(body.error.code).toBe("payload_too_large");
    expect(body.error.message).toContain("100 MB");
    expect(await documentCount(client.id)).toBe(0);
    expect(await storedDocumentKeys()).toEqual(keysBefore);
  });

  it("rejects an upload without Content-Length", async () => {
    const { client, browser } = await staffScenario(UPLOADER);
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(SAMPLE_FILES["sample.pdf"]);
        controller.close();
      },
    });

    const response = await send(browser, "POST", `/practice/api/clients/${client.id}/documents`, {
      headers: { "Content-Type": "application/octet-stream", "X-File-Name": "plan.pdf" },
      body,
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe("missing_length");
    expect(await documentCount(client.id)).toBe(0);
  });

  it("rejects an upload from another origin", async () => {
    const { client, browser } = await staffScenario(UPLOADER);

    const response = await send(browser, "POST", `/practice/api/clients/${client.id}/documents`, {
      headers: {
        "Content-Type": "application/octet-stream",
        "X-File-Name": "plan.pdf",
        "Content-Length": String(SAMPLE_FILES["sample.pdf"].byteLength),
      },
      body: SAMPLE_FILES["sample.pdf"],
      origin: "http://evil.example",
    });

    expect(response.status).toBe(403);
    expect(await documentCount(client.id)).toBe(0);
  });
});

describe("document upload without JavaScript", () => {
  it("stores the file of the plain form and goes back with a notice", async () => {
    const { client, browser } = await staffScenario(UPLOADER);
    const bytes = SAMPLE_FILES["sample.docx"];

    const response = await uploadForm(browser, client.id, "Behandelplan – Jänsen.docx", bytes, {
      return_to: `/practice/clients/${client.id}/documents`,
      share: "1",
    });
    const [row] = await documentRows(client.id);
    const stored = await env.FILES.get(row?.storage_key ?? "");

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/practice/clients/${client.id}/documents?document_notice=uploaded#documents`,
    );
    expect(row?.file_name).toBe("Behandelplan – Jänsen.docx");
    expect(row?.sha256).toBe(await sha256Hex(bytes));
    expect(row?.shared_at).not.toBeNull();
    expect(new Uint8Array((await stored?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);
  });

  it("shows a rejected file again beside the file field", async () => {
    const { client, browser } = await staffScenario(UPLOADER);
    const keysBefore = await storedDocumentKeys();

    const response = await uploadForm(browser, client.id, "Verslag.pdf", encoder.encode("<html><body>x</body></html>"));
    const html = await response.text();

    expect(response.status).toBe(415);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('id="document-file-error"');
    expect(html).toContain("webpagina (HTML)");
    expect(await documentCount(client.id)).toBe(0);
    expect(await storedDocumentKeys()).toEqual(keysBefore);
  });

  it("rejects a form without a file", async () => {
    const { client, browser } = await staffScenario(UPLOADER);
    const form = new FormData();
    form.set("return_to", `/practice/clients/${client.id}`);
    form.set("file", new File([], "", { type: "application/octet-stream" }));

    const response = await send(browser, "POST", `/practice/clients/${client.id}/documents/upload`, { body: form });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Kies een bestand om te uploaden.");
  });

  it("rejects a file that grows past the limit while streaming", { timeout: 60_000 }, async () => {
    const { client, browser } = await staffScenario(UPLOADER);
    const keysBefore = await storedDocumentKeys();
    const boundary = "----veranda-test-boundary";
    const prefix = encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.pdf"\r\n` +
        "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n",
    );
    const suffix = encoder.encode(`\r\n--${boundary}--\r\n`);
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    // No Content-Length: only the count while streaming can stop this file.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(prefix);
        if (sent > MAX_DOCUMENT_BYTES + chunk.byteLength) {
          controller.enqueue(suffix);
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      },
    });

    const response = await send(browser, "POST", `/practice/clients/${client.id}/documents/upload`, {
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      body,
    });

    expect(response.status).toBe(413);
    expect(await response.text()).toContain("100 MB");
    expect(await documentCount(client.id)).toBe(0);
    expect(await storedDocumentKeys()).toEqual(keysBefore);
  });
});
