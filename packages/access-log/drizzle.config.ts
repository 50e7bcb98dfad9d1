import { defineConfig } from "drizzle-kit";

// The gateway's own database: the access log. `npm run db:generate` writes a new migration.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/db/schema.ts",
  out: "./src/db/migrations",
});
