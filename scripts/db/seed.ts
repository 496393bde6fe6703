/**
 * npx tsx scripts/db/seed.ts [--demo] [--reset] [--today=YYYY-MM-DD]
 *
 * Seeds the database DATABASE_URL names (or the embedded one when it is unset): applies
 * the committed migrations, then the reference data, then — with --demo — the demo data
 * set once. --reset first drops and recreates the public schema of that one database
 * (everything in it is lost), so the demo can be seeded again.
 */
import { resolveDatabaseUrl, databaseNameOf } from "./database-url";
import { applyMigrations } from "./schema-engine";
import { createPrismaClient } from "../../src/server/db/create-client";
import { parseIsoDate } from "../../src/domain/dates";
import { seed, verifyDemoConsistency } from "../../prisma/seed/index";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "../../prisma/seed/demo-users";
import { countDemoStates } from "../../prisma/seed/demo-state-counts";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !["--demo", "--reset"].includes(a) && !a.startsWith("--today="));
  if (unknown.length > 0)
    throw new Error(`Unknown option(s): ${unknown.join(" ")}. Usage: seed.ts [--demo] [--reset] [--today=YYYY-MM-DD]`);
  const demo = args.includes("--demo");
  const reset = args.includes("--reset");
  const todayArg = args.find((a) => a.startsWith("--today="))?.slice("--today=".length);
  const today = todayArg ? parseIsoDate(todayArg) : undefined;

  const database = await resolveDatabaseUrl();
  const prisma = createPrismaClient(database.url, { max: 4 });
  try {
    if (reset) {
      console.log(`Resetting database "${databaseNameOf(database.url)}": dropping and recreating the public schema…`);
      await prisma.$executeRawUnsafe("DROP SCHEMA IF EXISTS public CASCADE");
      await prisma.$executeRawUnsafe("CREATE SCHEMA public");
    }
    const { applied } = await applyMigrations(database.url);
    console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");

    const started = performance.now();
    const result = await seed(prisma, { demo, today });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const r = result.reference;
    console.log(
      `Reference data: ${r.regions} regions, ${r.pdus} PDUs, ${r.riskCodes} risk codes, ${r.bankHolidays} bank holidays inserted (existing rows kept).`,
    );
    if (demo && result.demoSeeded && result.demo) {
      await verifyDemoConsistency(prisma);
      const c = result.demo.counts;
      console.log(
        `Demo data for ${result.demo.today} seeded in ${seconds}s: ${c.requirements} requirements, ${c.sessions} sessions, ${c.attendances} attendances. Consistency checks passed.`,
      );
      const london = await countDemoStates(prisma, "LON", result.demo.today);
      console.log(
        `London requirements by state on ${result.demo.today}: ${Object.entries(london)
          .map(([state, n]) => `${state} ${n}`)
          .join(", ")}`,
      );
      console.log(
        `Demo sign-ins (password ${DEMO_PASSWORD}):\n${DEMO_SIGN_INS.map((s) => `  ${s.email.padEnd(28)} ${s.description}`).join("\n")}`,
      );
    } else if (demo) {
      console.log("Demo data already present (it is seeded once); use --reset to start again.");
    }
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
