// The seed: reference data on every install; the demo data set only when asked, and only
// once per database (AppSetting `demo_seeded_at`).
import type { PrismaClient } from "@/generated/prisma/client";
import type { IsoDate } from "@/domain/dates";
import { seedDemo, type DemoResult } from "./demo";
import { seedReferenceData, type ReferenceDataResult } from "./reference-data";

export type SeedResult = {
  reference: ReferenceDataResult;
  /** True when this call wrote the demo data (false when not asked for or already there). */
  demoSeeded: boolean;
  demo: DemoResult | null;
};

export async function seed(prisma: PrismaClient, options: { demo: boolean; today?: IsoDate }): Promise<SeedResult> {
  const reference = await seedReferenceData(prisma);
  if (!options.demo) return { reference, demoSeeded: false, demo: null };
  const demo = await seedDemo(prisma, { today: options.today });
  return { reference, demoSeeded: demo.seeded, demo };
}

export { seedReferenceData, seedDemo };
export { verifyDemoConsistency } from "./verify-demo";
