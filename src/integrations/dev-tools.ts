import type { AstroIntegration } from "astro";

/**
 * Adds the development mailbox (`/dev/mail`) to `astro dev`, and to a build only when asked
 * (`includeInBuild`, used by the end-to-end tests). A production build has no such routes.
 */
export function devTools(options: { includeInBuild: boolean }): AstroIntegration {
  return {
    name: "veranda-dev-tools",
    hooks: {
      "astro:config:setup": ({ command, injectRoute }) => {
        if (command !== "dev" && !options.includeInBuild) return;

        injectRoute({ pattern: "/dev/mail", entrypoint: "./src/dev-tools/mail-list.astro" });
        injectRoute({ pattern: "/dev/mail.json", entrypoint: "./src/dev-tools/mail-json.ts" });
        injectRoute({ pattern: "/dev/mail/[id]", entrypoint: "./src/dev-tools/mail-html.ts" });
      },
    },
  };
}
