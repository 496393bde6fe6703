/**
 * tsx --conditions=react-server scripts/bench/figures.ts [--database cp_scale] [--runs 3]
 *
 * Times each dashboard figure source on its own (median of a few sequential runs) for London and
 * for the nation, as of the scale seed's day: the per-figure view behind `npm run bench`'s bare SQL.
 */
import { createPrismaClient } from "../../src/server/db/create-client";
import {
  loadSentenceCalendar,
  SOURCES,
  tallyBreachDemographics,
  tallySource,
} from "../../src/server/queries/dashboard-figures";
import { readScaleSeed } from "../../prisma/seed/scale/index";
import { medianTime } from "./measure";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const database = at("database") ?? "cp_scale";
  const runs = Number(at("runs") ?? 3);
  const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  base.pathname = `/${database}`;
  const prisma = createPrismaClient(base.toString(), { max: 2 });
  try {
    const seed = await readScaleSeed(prisma);
    if (!seed) throw new Error(`${database} holds no scale seed`);
    const london = await prisma.region.findUniqueOrThrow({ where: { code: "LON" }, select: { id: true } });
    const rows: Record<string, string | number>[] = [];
    for (const [name, regionId] of [
      ["London", london.id],
      ["nation", null],
    ] as const) {
      const scope = { asOf: seed.today, regionId };
      const cal = await loadSentenceCalendar(prisma, scope);
      const row: Record<string, string | number> = {
        scope: name,
        calendar: (await medianTime(() => loadSentenceCalendar(prisma, scope), runs)).toFixed(0),
      };
      for (const key of SOURCES)
        row[key] = (await medianTime(() => tallySource(prisma, key, scope, cal), runs)).toFixed(0);
      row.demographics = (await medianTime(() => tallyBreachDemographics(prisma, scope, cal), runs)).toFixed(0);
      rows.push(row);
    }
    console.table(rows);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
