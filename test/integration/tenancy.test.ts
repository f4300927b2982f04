import { describe, expect, it } from "vitest";

import { TestBrowser } from "./support/browser";
import { rows } from "./support/database";
import { createClient, createPractice } from "./support/fixtures";
import { mailTo } from "./support/mail";

describe("tenancy", () => {
  it("answers an unknown host with a plain 404 page", async () => {
    const practice = await createPractice();

    const response = await new TestBrowser("onbekend.localhost:4321").get("/login");
    const html = await response.text();

    expect(response.status).toBe(404);
    expect(html).toContain("Pagina niet gevonden");
    expect(html).not.toContain(practice.name);
    expect(html).not.toContain("<form");
  });

  it("serves a practice on its custom domain", async () => {
    const practice = await createPractice({ customHost: "portaal.praktijk-vecht.nl" });

    const response = await new TestBrowser("portaal.praktijk-vecht.nl").get("/login");

    expect(response.status).toBe(200);
    expect(await response.text()).toContain(practice.name);
  });

  it("serves the development practice on a bare localhost", async () => {
    const practice = await createPractice({ slug: "demo", name: "Praktijk De Linde (test)" });
    const client = await createClient(practice.id);

    const page = await new TestBrowser("localhost:4321").get("/login");
    await new TestBrowser("localhost:4321").post("/login", { email: client.email });
    const [mail] = await mailTo(client.email);

    expect(await page.text()).toContain("Praktijk De Linde (test)");
    expect(mail?.primaryLink).toMatch(/^http:\/\/demo\.localhost:4321\/login\/link\//);
  });

  it("keeps practice_id on every table of practice data", async () => {
    const tables = await rows<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'practices')",
    );

    expect(tables.length).toBeGreaterThan(0);
    for (const { name } of tables) {
      const columns = await rows<{ name: string; notnull: number }>(`PRAGMA table_info(${name})`);
      const practiceId = columns.find((column) => column.name === "practice_id");
      expect(practiceId, name).toBeDefined();
      expect(practiceId?.notnull, name).toBe(1);
    }
  });
});
