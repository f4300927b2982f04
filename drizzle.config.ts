import { defineConfig } from "drizzle-kit";

// drizzle-kit generates the SQL; wrangler applies it (`migrations_dir` in wrangler.jsonc).
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
