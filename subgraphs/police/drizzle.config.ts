import { defineConfig } from "drizzle-kit";

// `npm run db:generate` turns changes to src/db/schema.ts into a new SQL migration, committed and
// applied when the subgraph starts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./src/db/migrations",
});
