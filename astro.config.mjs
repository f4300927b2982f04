// @ts-check
import cloudflare from "@astrojs/cloudflare";
import preact from "@astrojs/preact";
import { defineConfig } from "astro/config";

import { devTools } from "./src/integrations/dev-tools.ts";

// Development tools (/dev/mail) are part of `astro dev` and of builds made with
// VERANDA_DEV_TOOLS=1 (the end-to-end tests); `npm run deploy` builds without them.
const includeDevTools = process.env.VERANDA_DEV_TOOLS === "1";

export default defineConfig({
  output: "server",
  adapter: cloudflare({ imageService: "passthrough" }),
  integrations: [preact(), devTools({ includeInBuild: includeDevTools })],
  markdown: { syntaxHighlight: false },
  // Astro's own sessions would live in KV, which is eventually consistent; Veranda keeps its
  // sessions in D1 (src/lib/auth/session.ts).
  session: false,
  security: {
    checkOrigin: true,
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
      ],
    },
  },
  server: { port: 4321 },
  vite: {
    server: { allowedHosts: [".localhost"] },
    environments: {
      ssr: { optimizeDeps: { include: ["preact/devtools"] } },
    },
  },
});
