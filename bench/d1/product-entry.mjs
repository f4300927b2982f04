// The product functions whose D1 queries the replay runs: the middleware's and each page's.
// Bundled by esbuild (bench/d1/bundle.mjs), because they are TypeScript that imports
// `cloudflare:workers`; that import is replaced by a stub, and the replay passes its own binding.

export { processSignInRequest } from "../../src/lib/auth/sign-in-request.ts";
export { getDb } from "../../src/lib/db/client.ts";
export { recordDocumentDownloaded } from "../../src/lib/documents/actions.ts";
export { findClientDocument, listSharedDocuments } from "../../src/lib/documents/repository.ts";
export { listClientAssignments } from "../../src/lib/forms/assignments.ts";
export { loadFillState } from "../../src/lib/forms/fill-state.ts";
export { loadOverview } from "../../src/lib/overview/load.ts";
export { findPracticeByHost } from "../../src/lib/tenancy/practice.ts";
export { calendarDateIn } from "../../src/lib/time/calendar.ts";
export { loadRequestIdentity } from "../../src/lib/web/request-identity.ts";
