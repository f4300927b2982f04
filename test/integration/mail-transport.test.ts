import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";

import { processSignInRequest } from "../../src/lib/auth/sign-in-request";
import { hashSecret } from "../../src/lib/auth/tokens";
import { getDb } from "../../src/lib/db/client";
import { deliverMail } from "../../src/lib/mail/deliver";
import { createMailChannelsTransport } from "../../src/lib/mail/mailchannels";
import { MailDeliveryError, type MailMessage, type MailTransport } from "../../src/lib/mail/message";
import { renderSignInMail } from "../../src/lib/mail/templates/sign-in";
import { tenancyConfigFromEnv } from "../../src/lib/tenancy/practice";
import { createClient, createPractice } from "./support/fixtures";

const simulatorUrl = env.MAILCHANNELS_SIMULATOR_URL;

/** Returns how many messages the simulator accepted for `apiKey` (each key is its own account). */
async function simulatorUsage(apiKey: string): Promise<number> {
  const response = await fetch(`${simulatorUrl}/tx/v1/usage`, { headers: { "X-Api-Key": apiKey } });
  const body = (await response.json()) as { total_usage: number };
  return body.total_usage;
}

function sampleMessage(): MailMessage {
  return renderSignInMail({
    locale: "nl",
    audience: "client",
    branding: { practiceName: "Praktijk De Linde", brandColor: "#2f6f5e" },
    practiceId: "prac_test",
    recipient: { email: "sanne@example.nl", name: "Sanne" },
    link: "http://demo.localhost:4321/login/link/secrettokenvalue",
    code: "493021",
    validMinutes: 30,
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("MailChannels transport", () => {
  it("hands the message to the MailChannels API", async () => {
    const apiKey = `key-${crypto.randomUUID()}`;
    const transport = createMailChannelsTransport({
      apiKey,
      baseUrl: simulatorUrl,
      fromAddress: "portal@veranda.example",
    });

    expect(await deliverMail(transport, sampleMessage())).toBe(true);
    expect(await simulatorUsage(apiKey)).toBe(1);
  });

  it("sends the sign-in mail of a real request", async () => {
    const practice = await createPractice();
    const client = await createClient(practice.id);
    const apiKey = `key-${crypto.randomUUID()}`;
    const transport = createMailChannelsTransport({
      apiKey,
      baseUrl: simulatorUrl,
      fromAddress: "portal@veranda.example",
    });

    const outcome = await processSignInRequest(
      { db: getDb(env.DB), kv: env.KV, transport, tenancy: tenancyConfigFromEnv(env) },
      {
        practice,
        subjectType: "client",
        email: client.email,
        requestId: hashSecret(crypto.randomUUID()),
        ipAddress: "203.0.113.9",
        returnTo: null,
        pageLocale: undefined,
        now: new Date(),
      },
    );

    expect(outcome).toBe("sent");
    expect(await simulatorUsage(apiKey)).toBe(1);
  });

  it("reports a rejected message without retrying or logging its link", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => {
      errors.push(parts.map(String).join(" "));
    });
    const transport = createMailChannelsTransport({
      apiKey: `key-${crypto.randomUUID()}`,
      baseUrl: `${simulatorUrl}/missing`,
      fromAddress: "portal@veranda.example",
    });

    const delivered = await deliverMail(transport, sampleMessage());

    expect(delivered).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("status=404");
    expect(errors.join("\n")).not.toContain("secrettokenvalue");
    expect(errors.join("\n")).not.toContain("493021");
  });
});

describe("deliverMail", () => {
  it("retries temporary failures", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let attempts = 0;
    const flaky: MailTransport = {
      name: "flaky",
      async send() {
        attempts += 1;
        if (attempts < 3) throw new MailDeliveryError("temporarily unavailable", true);
      },
    };

    expect(await deliverMail(flaky, sampleMessage())).toBe(true);
    expect(attempts).toBe(3);
  });

  it("gives up after three attempts", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let attempts = 0;
    const down: MailTransport = {
      name: "down",
      async send() {
        attempts += 1;
        throw new MailDeliveryError("unavailable", true);
      },
    };

    expect(await deliverMail(down, sampleMessage())).toBe(false);
    expect(attempts).toBe(3);
  });
});
