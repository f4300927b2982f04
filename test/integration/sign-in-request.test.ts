import { describe, expect, it } from "vitest";

import { TestBrowser } from "./support/browser";
import { countRows, rows } from "./support/database";
import { createClient, createPractice, PORTAL_DOMAIN } from "./support/fixtures";
import { latestSignInMail, mailTo } from "./support/mail";

/** The parts of a response that an observer could use to tell two addresses apart. */
async function observable(response: Response) {
  const cookies = response.headers
    .getSetCookie()
    .map((header) => header.replace(/=[^;]*/, "=<value>").replace(/Max-Age=\d+/, "Max-Age=<n>"));
  return {
    status: response.status,
    location: response.headers.get("location"),
    cookies: cookies.sort(),
    body: await response.text(),
  };
}

describe("sign-in request", () => {
  it("answers known and unknown addresses the same", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);

    const known = await new TestBrowser(practice.host).post("/login", { email: client.email });
    const unknown = await new TestBrowser(practice.host).post("/login", { email: "niemand@example.nl" });

    expect(await observable(known)).toEqual(await observable(unknown));
    expect(known.status).toBe(303);
    expect(await mailTo(client.email)).toHaveLength(1);
    expect(await mailTo("niemand@example.nl")).toHaveLength(0);
  });

  it("shows the neutral page with the typed address", async () => {
    const practice = await createPractice();
    const browser = new TestBrowser(practice.host);
    await browser.post("/login", { email: "niemand@example.nl" });

    const page = await browser.get("/login/check");
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(html).toContain("Kijk in je mail");
    expect(html).toContain("niemand@example.nl");
    expect(html).toContain('name="code"');
  });

  it("stores only hashes and records no token in the audit log", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    await new TestBrowser(practice.host).post("/login", { email: client.email });
    const mail = await latestSignInMail(client.email);
    const token = mail.linkPath.split("/").pop() ?? "";

    const [request] = await rows<Record<string, unknown>>(
      "SELECT * FROM sign_in_requests WHERE subject_id = ?",
      client.id,
    );
    const audit = await rows<Record<string, unknown>>("SELECT * FROM audit_events WHERE practice_id = ?", practice.id);
    const stored = JSON.stringify([request, audit]);

    expect(request?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(mail.code);
    expect(stored).not.toContain(client.email);
    expect(audit.map((event) => event.action)).toEqual(["auth.sign_in.requested"]);
    expect(JSON.parse(String(audit[0]?.detail))).toEqual({ outcome: "sent", subject_type: "client" });
    expect(audit[0]?.actor_id).toBe(client.id);
  });

  it("sends one mail with link and code in the client's language", async () => {
    const practice = await createPractice({ name: "Praktijk Ĳsselmeer", brandColor: "#f2c14e" });
    const dutch = await createClient(practice.id, { firstName: "Joëlle", preferredName: "Jo" });
    const english = await createClient(practice.id, { firstName: "Daan", locale: "en" });

    await new TestBrowser(practice.host).post("/login", { email: ` ${dutch.email.toUpperCase()} ` });
    await new TestBrowser(practice.host).post("/login", { email: english.email });
    const dutchMail = await latestSignInMail(dutch.email);
    const englishMail = await latestSignInMail(english.email);

    expect(await mailTo(dutch.email)).toHaveLength(1);
    expect(dutchMail.message.subject).toBe("Je inloglink voor Praktijk Ĳsselmeer");
    expect(dutchMail.message.fromName).toBe("Praktijk Ĳsselmeer");
    expect(dutchMail.message.text).toContain("Beste Jo,");
    expect(dutchMail.message.text).toContain("30 minuten");
    expect(dutchMail.message.html).toContain(dutchMail.code);
    expect(dutchMail.message.html).toContain(dutchMail.link.href);
    expect(dutchMail.message.html).toContain('lang="nl"');
    expect(dutchMail.message.html).toContain("background:#f2c14e;color:#000000");
    expect(englishMail.message.subject).toBe("Your sign-in link for Praktijk Ĳsselmeer");
    expect(englishMail.message.text).toContain("Hello Daan,");
  });

  it("builds links from the practice's configured host", async () => {
    const practice = await createPractice({ customHost: "portaal.praktijk-ijssel.nl" });
    const client = await createClient(practice.id);

    await new TestBrowser(practice.host).post("/login", { email: client.email });
    const mail = await latestSignInMail(client.email);

    expect(mail.link.origin).toBe("https://portaal.praktijk-ijssel.nl");
  });

  it("ignores a forged Host header when building links", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);

    await browser.request("POST", "/login", {
      form: { email: client.email },
      headers: { "X-Forwarded-Host": "evil.example", Forwarded: "host=evil.example" },
    });
    const mail = await latestSignInMail(client.email);

    expect(mail.link.origin).toBe(`http://${practice.slug}.${PORTAL_DOMAIN}`);
  });

  it("sends nothing to clients without access or archived", async () => {
    const practice = await createPractice();
    const withoutAccess = await createClient(practice.id, { portalAccess: false });
    const archived = await createClient(practice.id, { archivedAt: new Date() });

    await new TestBrowser(practice.host).post("/login", { email: withoutAccess.email });
    await new TestBrowser(practice.host).post("/login", { email: archived.email });

    expect(await mailTo(withoutAccess.email)).toHaveLength(0);
    expect(await mailTo(archived.email)).toHaveLength(0);
    expect(await countRows("sign_in_requests", "practice_id = ?", practice.id)).toBe(0);
    const outcomes = await rows<{ detail: string; actor_type: string }>(
      "SELECT detail, actor_type FROM audit_events WHERE practice_id = ?",
      practice.id,
    );
    expect(outcomes.map((event) => JSON.parse(event.detail).outcome)).toEqual(["unknown_address", "unknown_address"]);
    expect(outcomes.map((event) => event.actor_type)).toEqual(["anonymous", "anonymous"]);
  });

  it("does not find a client of another practice", async () => {
    const practiceA = await createPractice();
    const practiceB = await createPractice();
    const client = await createClient(practiceA.id);

    await new TestBrowser(practiceB.host).post("/login", { email: client.email });

    expect(await mailTo(client.email)).toHaveLength(0);
  });

  it("throttles an address after five requests an hour", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);

    const responses = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      responses.push(await observable(await new TestBrowser(practice.host).post("/login", { email: client.email })));
    }

    expect(await mailTo(client.email)).toHaveLength(5);
    expect(responses[6]).toEqual(responses[0]);
    const throttled = await rows<{ detail: string }>(
      "SELECT detail FROM audit_events WHERE practice_id = ? AND detail LIKE '%throttled%'",
      practice.id,
    );
    expect(throttled).toHaveLength(2);
  });

  it("throttles an IP address after thirty requests in ten minutes", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const ip = { "CF-Connecting-IP": "203.0.113.7" };

    for (let attempt = 0; attempt < 30; attempt += 1) {
      await new TestBrowser(practice.host).request("POST", "/login", {
        form: { email: `onbekend${attempt}@example.nl` },
        headers: ip,
      });
    }
    await new TestBrowser(practice.host).request("POST", "/login", { form: { email: client.email }, headers: ip });
    await new TestBrowser(practice.host).request("POST", "/login", {
      form: { email: client.email },
      headers: { "CF-Connecting-IP": "203.0.113.8" },
    });

    expect(await mailTo(client.email)).toHaveLength(1);
  });

  it("rejects a malformed address and keeps what was typed", async () => {
    const practice = await createPractice();

    const response = await new TestBrowser(practice.host).post("/login", { email: "sanne@@example" });
    const html = await response.text();

    expect(response.status).toBe(400);
    expect(html).toContain('value="sanne@@example"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Vul een geldig e-mailadres in");
    expect(await countRows("audit_events", "practice_id = ?", practice.id)).toBe(0);
  });

  it("rejects a body that is not a form", async () => {
    const practice = await createPractice();
    const browser = new TestBrowser(practice.host);

    const response = await browser.request("POST", "/login", {
      headers: { "Content-Type": "application/json" },
    });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await countRows("sign_in_requests", "practice_id = ?", practice.id)).toBe(0);
  });
});
