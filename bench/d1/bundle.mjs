// Bundles bench/d1/product-entry.mjs into one ES module that Node can import.
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const ENTRY = fileURLToPath(new URL("./product-entry.mjs", import.meta.url));
const WORKERS_STUB = fileURLToPath(new URL("./workers-stub.mjs", import.meta.url));

/** Bundles the product functions to `outFile` and returns its path; npm packages stay imports. */
export async function bundleProductQueries(outFile) {
  await build({
    entryPoints: [ENTRY],
    outfile: outFile,
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    logLevel: "error",
    plugins: [
      {
        name: "cloudflare-workers-stub",
        setup(builder) {
          builder.onResolve({ filter: /^cloudflare:workers$/ }, () => ({ path: WORKERS_STUB }));
        },
      },
    ],
  });
  return outFile;
}
