// Counts the D1 statements, round trips and rows read per request by running the product's own
// query functions against the bench's local database, outside the server: wrangler dev does not
// log D1 queries. The middleware part mirrors src/middleware.ts for a client page (practice from
// host, session, client); the page part calls the same functions the page calls.
import { randomUUID } from "node:crypto";

import { getPlatformProxy } from "wrangler";

import { recordingD1 } from "./recorder.mjs";

/** Sign-in requests per IP address and 10 minutes before the portal throttles (src/lib/auth/throttle.ts). */
const SIGN_IN_LIMIT_PER_IP = 30;

const TENANCY = { portalDomain: "localhost:8787", portalScheme: "http", devDefaultPractice: "" };
const NO_MAIL_TRANSPORT = {
  async send() {
    throw new Error("the replay signs in unknown addresses only, so no mail may be sent");
  },
};

/**
 * Classifies a line of EXPLAIN QUERY PLAN. `search` reads a range of an index or key. `scan` reads
 * a whole table or index, so its cost grows with the table. `other` is anything else, such as a
 * temporary B-tree for ORDER BY or a subquery.
 */
function planLineKind(detail) {
  if (/^SEARCH\b/.test(detail)) return "search";
  if (/^SCAN\b/.test(detail) && !/^SCAN (CONSTANT ROW|SUBQUERY)/.test(detail)) return "scan";
  return "other";
}

/** Sums one request's round trips into the figures the report shows. */
function summarize(roundTrips) {
  const statements = roundTrips.flat();
  const total = (field) => statements.reduce((sum, statement) => sum + (statement[field] ?? 0), 0);
  return {
    roundTrips: roundTrips.length,
    statements: statements.length,
    rowsRead: total("rowsRead"),
    rowsWritten: total("rowsWritten"),
    rowsReturned: total("rowsReturned"),
  };
}

/**
 * Runs the replay for each practice in `practices` (`{ key, slug, sessionToken, documentId,
 * assignmentId }`) against the state under `persistTo`, with the product functions of
 * `productModule`. Each request runs twice and the second run is recorded, so one-off work such
 * as the once-a-minute session refresh is left out, as the report notes.
 */
export async function replayQueries({ persistTo, productModule, practices }) {
  const product = await import(productModule);
  const proxy = await getPlatformProxy({
    configPath: "wrangler.jsonc",
    persist: { path: `${persistTo}/v3` },
    remoteBindings: false,
  });
  const recorder = recordingD1(proxy.env.DB);
  // The product logs every throttled and unknown-address sign-in request; 30 of them per practice
  // would bury the bench's own output.
  const { info, warn } = console;
  console.info = () => {};
  console.warn = () => {};
  const db = product.getDb(recorder.binding);

  async function middleware(fixture, now) {
    const identity = await product.loadRequestIdentity(db, {
      hostHeader: `${fixture.slug}.${TENANCY.portalDomain}`,
      tenancy: TENANCY,
      sessionToken: fixture.signedIn ? fixture.sessionToken : undefined,
      area: "portal",
      now,
      touch: true,
    });
    if (!identity.practice) throw new Error(`no practice for slug ${fixture.slug}`);
    if (!fixture.signedIn) return { practice: identity.practice, clientId: null };
    if (!identity.client) throw new Error(`the session of ${fixture.slug}'s benchmark client is not valid`);
    return { practice: identity.practice, clientId: identity.client.subject.id };
  }

  function signInRequest(practice, ipAddress, now) {
    return product.processSignInRequest(
      { db, kv: proxy.env.KV, transport: NO_MAIL_TRANSPORT, tenancy: TENANCY },
      {
        practice,
        subjectType: "client",
        email: `replay-${randomUUID()}@bench.invalid`,
        requestId: randomUUID().replaceAll("-", ""),
        ipAddress,
        returnTo: null,
        pageLocale: undefined,
        now,
      },
    );
  }

  const pages = {
    dashboard: async (context) =>
      product.loadOverview(db, {
        practiceId: context.practice.id,
        clientId: context.clientId,
        today: product.calendarDateIn(context.now, context.practice.timeZone),
      }),
    documents: async (context) =>
      product.listSharedDocuments(db, { practiceId: context.practice.id, clientId: context.clientId, cursor: null }),
    forms: async (context) =>
      product.listClientAssignments(db, {
        practiceId: context.practice.id,
        clientId: context.clientId,
        today: product.calendarDateIn(context.now, context.practice.timeZone),
      }),
    "fill-in": async (context) =>
      product.loadFillState(db, {
        practiceId: context.practice.id,
        clientId: context.clientId,
        assignmentId: context.fixture.assignmentId,
      }),
    download: async (context) => {
      const scope = {
        practiceId: context.practice.id,
        clientId: context.clientId,
        documentId: context.fixture.documentId,
      };
      const document = await product.findClientDocument(db, scope);
      if (!document) throw new Error(`document ${scope.documentId} is not visible to its client`);
      await product.recordDocumentDownloaded(db, { ...scope, ipAddress: "127.0.0.1", now: context.now });
    },
    "sign-in": async (context) => signInRequest(context.practice, `replay-fresh-${randomUUID()}`, context.now),
    "sign-in (throttled)": async (context) => {
      const outcome = await signInRequest(context.practice, `replay-throttled-${context.fixture.slug}`, context.now);
      if (outcome !== "throttled") throw new Error(`expected a throttled sign-in request, got ${outcome}`);
    },
  };
  const publicPages = new Set(["sign-in", "sign-in (throttled)"]);

  /** Runs one request's queries and returns the round trips of the middleware and of the page. */
  async function runRequest(fixture, page) {
    const now = new Date();
    const signedIn = !publicPages.has(page);
    recorder.take();
    const { practice, clientId } = await middleware({ ...fixture, signedIn }, now);
    const middlewareRoundTrips = recorder.take();
    await pages[page]({ practice, clientId, now, fixture });
    return { middlewareRoundTrips, pageRoundTrips: recorder.take() };
  }

  const explained = new Map();
  async function explain(statement) {
    if (!/^\s*(select|with|insert|update|delete)/i.test(statement.sql)) return [];
    const key = statement.sql;
    if (!explained.has(key)) {
      const plan = await proxy.env.DB.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
        .bind(...statement.params)
        .all();
      explained.set(
        key,
        plan.results.map((row) => ({ detail: row.detail, kind: planLineKind(row.detail) })),
      );
    }
    return explained.get(key);
  }

  try {
    const results = [];
    for (const fixture of practices) {
      // Uses up the per-IP allowance of the throttled case's address, so its measured request is refused.
      for (let count = 0; count < SIGN_IN_LIMIT_PER_IP; count += 1) {
        const practice = await product.findPracticeByHost(db, `${fixture.slug}.${TENANCY.portalDomain}`, TENANCY);
        await signInRequest(practice, `replay-throttled-${fixture.slug}`, new Date());
      }
      recorder.take();

      for (const page of Object.keys(pages)) {
        await runRequest(fixture, page);
        const { middlewareRoundTrips, pageRoundTrips } = await runRequest(fixture, page);
        const roundTrips = [...middlewareRoundTrips, ...pageRoundTrips];
        for (const statement of roundTrips.flat()) statement.plan = await explain(statement);
        results.push({
          practice: fixture.key,
          page,
          middleware: summarize(middlewareRoundTrips),
          handler: summarize(pageRoundTrips),
          total: summarize(roundTrips),
          middlewareRoundTrips,
          handlerRoundTrips: pageRoundTrips,
        });
      }
    }
    return results;
  } finally {
    console.info = info;
    console.warn = warn;
    await proxy.dispose();
  }
}
