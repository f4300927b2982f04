import { eq } from "drizzle-orm";

import { type Practice, practices } from "../../../db/schema";
import type { Database } from "../db/client";

export type { Practice };

/** Host-to-practice mapping settings, read from the worker's vars. */
export interface TenancyConfig {
  /** Portal domain with optional port, such as `veranda.example` or `localhost:4321`. */
  portalDomain: string;
  /** `https` in production, `http` for local development. */
  portalScheme: string;
  /** Slug served on a bare `localhost` or `127.0.0.1`; empty in production. */
  devDefaultPractice: string;
}

export function tenancyConfigFromEnv(env: Env): TenancyConfig {
  return {
    portalDomain: env.PORTAL_DOMAIN.toLowerCase(),
    portalScheme: env.PORTAL_SCHEME,
    devDefaultPractice: env.DEV_DEFAULT_PRACTICE,
  };
}

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/** Either a practice slug or a custom host name to look up for the request's `Host`. */
export type HostLookup = { kind: "slug"; slug: string } | { kind: "custom"; host: string };

/**
 * Decides which practice a `Host` header (with its port) names, without touching the database.
 * `{slug}.{portalDomain}` gives the slug; a bare loopback host gives the development default; any
 * other host may be a practice's custom domain.
 */
export function parseHost(hostHeader: string, config: TenancyConfig): HostLookup | null {
  const host = hostHeader.trim().toLowerCase().replace(/\.$/, "");
  if (host === "") return null;

  const suffix = `.${config.portalDomain}`;
  if (host.endsWith(suffix)) {
    const slug = host.slice(0, -suffix.length);
    return isValidSlug(slug) ? { kind: "slug", slug } : null;
  }

  const hostname = host.replace(/:\d+$/, "");
  if (LOOPBACK_HOSTNAMES.has(hostname)) {
    return config.devDefaultPractice ? { kind: "slug", slug: config.devDefaultPractice } : null;
  }

  return { kind: "custom", host: hostname };
}

/** Finds the practice that serves `hostHeader`, or null for an unknown host. */
export async function findPracticeByHost(
  db: Database,
  hostHeader: string,
  config: TenancyConfig,
): Promise<Practice | null> {
  const lookup = parseHost(hostHeader, config);
  if (!lookup) return null;

  const condition = lookup.kind === "slug" ? eq(practices.slug, lookup.slug) : eq(practices.customHost, lookup.host);
  const practice = await db.select().from(practices).where(condition).get();
  return practice ?? null;
}

/**
 * Returns the practice's canonical origin, from which every link in an email is built. It never
 * depends on the request's `Host` header, so a forged header cannot poison a sign-in link.
 */
export function practiceOrigin(practice: Pick<Practice, "slug" | "customHost">, config: TenancyConfig): string {
  if (practice.customHost) return `https://${practice.customHost}`;
  return `${config.portalScheme}://${practice.slug}.${config.portalDomain}`;
}
