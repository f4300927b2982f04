import { describe, expect, it } from "vitest";

import { TestBrowser } from "./support/browser";
import { createClient, createPractice } from "./support/fixtures";
import { requestSignIn } from "./support/sign-in";

describe("security headers", () => {
  it("are set on every page", async () => {
    const practice = await createPractice();

    const response = await new TestBrowser(practice.host).get("/login");

    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("include a script policy without unsafe-inline", async () => {
    const practice = await createPractice();

    const response = await new TestBrowser(practice.host).get("/login");
    const policy = response.headers.get("content-security-policy") ?? "";

    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src[^;]*'sha(256|384|512)-/);
    expect(policy).not.toContain("unsafe-inline");
  });

  it("keep sign-in links out of the Referer header", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const mail = await requestSignIn(new TestBrowser(practice.host), client.email);

    const confirm = await new TestBrowser(practice.host).get(mail.linkPath);

    expect(confirm.headers.get("referrer-policy")).toBe("same-origin");
  });
});

describe("branding", () => {
  it("serves the brand colour with readable text", async () => {
    const practice = await createPractice({ brandColor: "#f2c14e" });

    const response = await new TestBrowser(practice.host).get("/brand.css");

    expect(response.headers.get("content-type")).toContain("text/css");
    expect(await response.text()).toBe(":root{--brand:#f2c14e;--on-brand:#000000;}\n");
  });
});

describe("development mailbox", () => {
  it("lists captured mail and shows its HTML sandboxed", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const browser = new TestBrowser(practice.host);
    await requestSignIn(browser, client.email);

    const list = (await (await browser.get("/dev/mail.json")).json()) as {
      messages: { id: string; to: { email: string } }[];
    };
    const message = list.messages.find((candidate) => candidate.to.email === client.email);
    const html = await browser.get(`/dev/mail/${message?.id}`);

    expect(message).toBeDefined();
    expect(html.status).toBe(200);
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
    expect(await html.text()).toContain("Je inloglink");
  });
});
