/**
 * npm run seed:scale -- [--requirements 50000] [--database cp_scale] [--today YYYY-MM-DD] [--reuse] [--verify]
 *
 * National-scale data (issue 6) in its OWN database (default `cp_scale`, on DATABASE_URL's
 * server, or the embedded one when DATABASE_URL is unset), so it never touches the demo.
 * Without --reuse the database is dropped and made again; with --reuse a database that
 * already holds a scale seed with the same parameters is kept as it is. --verify runs the
 * demo seed's consistency checks on the result (always on for 5,000 requirements or fewer).
 */
import { createDatabaseIfMissing, dropDatabase, resolveDatabaseUrl, withDatabaseName } from "./database-url";
import { applyMigrations } from "./schema-engine";
import { createPrismaClient } from "../../src/server/db/create-client";
import { parseIsoDate } from "../../src/domain/dates";
import { readScaleSeed, seedScale, SCALE_GENERATOR_VERSION } from "../../prisma/seed/scale/index";
import { SCALE_PASSWORD, SCALE_SIGN_INS } from "../../prisma/seed/scale/organisation";
import { verifySeedConsistency } from "../../prisma/seed/verify-demo";

export const SCALE_DATABASE_PREFIX = "cp_scale";

export type SeedScaleOptions = {
  requirements: number;
  database: string;
  today?: string;
  reuse: boolean;
  verify: boolean;
};

export function parseSeedScaleArgs(args: string[]): SeedScaleOptions {
  const options: SeedScaleOptions = {
    requirements: 50_000,
    database: SCALE_DATABASE_PREFIX,
    reuse: false,
    verify: false,
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = (args[i] ?? "").split("=", 2);
    const value = () => inline ?? args[++i] ?? "";
    if (flag === "--requirements") options.requirements = Number(value());
    else if (flag === "--database") options.database = value();
    else if (flag === "--today") options.today = parseIsoDate(value());
    else if (flag === "--reuse") options.reuse = true;
    else if (flag === "--verify") options.verify = true;
    else
      throw new Error(
        `Unknown option ${flag}. Usage: seed:scale -- [--requirements N] [--database cp_scale…] [--today YYYY-MM-DD] [--reuse] [--verify]`,
      );
  }
  if (!Number.isInteger(options.requirements) || options.requirements < 1)
    throw new Error("--requirements must be a whole number above 0");
  if (!options.database.startsWith(SCALE_DATABASE_PREFIX))
    throw new Error(`--database must start with "${SCALE_DATABASE_PREFIX}" (it is dropped and made again)`);
  return options;
}

/** Seeds (or, with reuse, keeps) the scale database; returns its URL. `stop` stops an embedded server. */
export async function ensureScaleDatabase(
  options: SeedScaleOptions,
): Promise<{ url: string; stop: () => Promise<void>; seeded: boolean }> {
  const server = await resolveDatabaseUrl();
  const url = withDatabaseName(server.url, options.database);
  try {
    if (options.reuse && !(await createDatabaseIfMissing(server.url, options.database))) {
      const probe = createPrismaClient(url, { max: 1 });
      try {
        const existing = await readScaleSeed(probe).catch(() => null);
        if (
          existing &&
          existing.requirements === options.requirements &&
          existing.version === SCALE_GENERATOR_VERSION
        ) {
          // Migrations committed since it was seeded (e.g. new indexes) still apply.
          const { applied } = await applyMigrations(url);
          if (applied.length > 0) console.log(`Applied ${applied.length} new migration(s) to "${options.database}".`);
          console.log(
            `Reusing "${options.database}": it already holds the scale seed of ${existing.requirements.toLocaleString("en-GB")} requirements (seeded for ${existing.today}).`,
          );
          return { url, stop: server.stop, seeded: false };
        }
      } finally {
        await probe.$disconnect();
      }
    }
    console.log(
      `Making database "${options.database}" afresh for ${options.requirements.toLocaleString("en-GB")} requirements…`,
    );
    const started = performance.now();
    await dropDatabase(server.url, options.database, SCALE_DATABASE_PREFIX);
    await createDatabaseIfMissing(server.url, options.database);
    await applyMigrations(url);
    const prisma = createPrismaClient(url, { max: 2 });
    try {
      const result = await seedScale(prisma, url, { requirements: options.requirements, today: options.today });
      if (options.verify || options.requirements <= 5_000) {
        const t = performance.now();
        await verifySeedConsistency(prisma, result.today, "Scale");
        console.log(`Consistency checks passed in ${((performance.now() - t) / 1000).toFixed(1)}s.`);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const c = result.counts;
      const n = (x: number | undefined) => (x ?? 0).toLocaleString("en-GB");
      console.log(
        `Scale seed for ${result.today} done in ${seconds}s (plan ${result.seconds.plan.toFixed(1)}s, COPY ${result.seconds.copySeconds.toFixed(1)}s, indexes ${result.seconds.indexSeconds.toFixed(1)}s, VACUUM ${result.seconds.analyzeSeconds.toFixed(1)}s):`,
      );
      console.log(
        `  ${n(c.Requirement)} requirements, ${n(c.Attendance)} attendance records, ${n(c.Allocation)} allocations, ${n(c.Session)} sessions, ${n(c.EteCredit)} ETE credits, ${n(c.EnforcementAction)} enforcement actions, ${n(c.Extension)} extensions, ${n(c.Review)} reviews`,
      );
      console.log(
        `  fates: ${Object.entries(result.fates)
          .map(([fate, count]) => `${fate} ${count}`)
          .join(", ")}`,
      );
      console.log(
        `  sign-ins (password ${SCALE_PASSWORD}): ${SCALE_SIGN_INS.manager} (London manager), ${SCALE_SIGN_INS.national} (national lead), manager.<region code>@scale.test`,
      );
    } finally {
      await prisma.$disconnect();
    }
    return { url, stop: server.stop, seeded: true };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function main(): Promise<void> {
  const options = parseSeedScaleArgs(process.argv.slice(2));
  const { stop } = await ensureScaleDatabase(options);
  await stop();
}

if (process.argv[1]?.endsWith("seed-scale.ts")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
