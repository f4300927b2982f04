import { describe, expect, it } from "vitest";

import { parseHost, practiceOrigin, type TenancyConfig } from "../../src/lib/tenancy/practice";

const development: TenancyConfig = { portalDomain: "localhost:4321", portalScheme: "http", devDefaultPractice: "demo" };
const production: TenancyConfig = { portalDomain: "veranda.example", portalScheme: "https", devDefaultPractice: "" };

describe("parseHost", () => {
  it("reads the slug from a practice subdomain", () => {
    expect(parseHost("demo.localhost:4321", development)).toEqual({ kind: "slug", slug: "demo" });
    expect(parseHost("De-Linde.Veranda.Example.", production)).toEqual({ kind: "slug", slug: "de-linde" });
  });

  it("serves the development default on a bare loopback host only in development", () => {
    expect(parseHost("localhost:4321", development)).toEqual({ kind: "slug", slug: "demo" });
    expect(parseHost("127.0.0.1:8788", development)).toEqual({ kind: "slug", slug: "demo" });
    expect(parseHost("localhost", production)).toBeNull();
  });

  it("rejects nested or malformed subdomains", () => {
    expect(parseHost("a.b.veranda.example", production)).toBeNull();
    expect(parseHost("-x.veranda.example", production)).toBeNull();
    expect(parseHost("demo.localhost:9999", development)).toEqual({ kind: "custom", host: "demo.localhost" });
    expect(parseHost("", production)).toBeNull();
  });

  it("treats any other host as a possible custom domain", () => {
    expect(parseHost("portaal.praktijkdelinde.nl", production)).toEqual({
      kind: "custom",
      host: "portaal.praktijkdelinde.nl",
    });
  });
});

describe("practiceOrigin", () => {
  it("builds links from configuration, not from a request", () => {
    expect(practiceOrigin({ slug: "demo", customHost: null }, development)).toBe("http://demo.localhost:4321");
    expect(practiceOrigin({ slug: "demo", customHost: null }, production)).toBe("https://demo.veranda.example");
    expect(practiceOrigin({ slug: "demo", customHost: "portaal.praktijk.nl" }, production)).toBe(
      "https://portaal.praktijk.nl",
    );
  });
});
