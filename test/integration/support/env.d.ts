declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    MAILCHANNELS_SIMULATOR_URL: string;
  }
}

declare module "*/dist/server/entry.mjs" {
  const worker: ExportedHandler<Env>;
  export default worker;
}
