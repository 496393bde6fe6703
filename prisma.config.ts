import { defineConfig } from "prisma/config";

// No env("DATABASE_URL") here: it throws when the variable is unset and breaks
// `prisma generate` on a fresh machine. Migrations do not go through the CLI
// (see docs/decisions/0002-offline-migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
