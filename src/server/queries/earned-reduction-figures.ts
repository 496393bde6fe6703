import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/server/db/create-client";
import type { DashboardScope } from "./dashboard-figures";

// Dashboard: earned reductions granted (Sentencing Act 2026 s.37) — requirements in scope whose
// responsible officer's latest decision by the as-of date confirms the reduction (the decision
// that stands, as `decisionOn` in src/domain/requirement-status.ts picks it).

export async function earnedReductionsGranted(client: PrismaClient, scope: DashboardScope): Promise<number> {
  const filters: Prisma.Sql[] = [];
  if (scope.regionId) filters.push(Prisma.sql`AND r."regionId" = ${scope.regionId}::uuid`);
  if (scope.pduId) filters.push(Prisma.sql`AND r."pduId" = ${scope.pduId}::uuid`);
  if (scope.teamType) filters.push(Prisma.sql`AND r."managedBy" = ${scope.teamType}::"ManagedBy"`);
  const [row] = await client.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "Requirement" r
    WHERE (SELECT d."decision"::text FROM "EarnedReductionDecision" d WHERE d."requirementId" = r."id" AND d."decidedOn" <= ${scope.asOf}::date
           ORDER BY d."decidedOn" DESC, d."createdAt" DESC LIMIT 1) = 'CONFIRMED'
      ${filters.length > 0 ? Prisma.join(filters, " ") : Prisma.empty}`;
  return row?.n ?? 0;
}
