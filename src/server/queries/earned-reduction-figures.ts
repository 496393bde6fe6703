import "server-only";
import type { PrismaClient } from "@/server/db/create-client";
import type { DashboardScope } from "./dashboard-figures";
import { inScope } from "./figures/sentence-calendar";

// Dashboard: earned reductions granted (Sentencing Act 2026 s.37) — requirements in scope whose
// responsible officer's latest decision by the as-of date confirms the reduction (the decision
// that stands, as `decisionOn` in src/domain/requirement-status.ts picks it).

export async function earnedReductionsGranted(client: PrismaClient, scope: DashboardScope): Promise<number> {
  // Region and PDU as of the date, as every figure counts them (a transferred case where it was then).
  // From the decisions (few) rather than every requirement in scope (50,000 probes for the nation: 44 ms a page).
  const [row] = await client.$queryRaw<{ n: number }[]>`SELECT COUNT(*)::int AS n FROM "Requirement" r
    WHERE r."id" IN (SELECT d."requirementId" FROM "EarnedReductionDecision" d WHERE d."decidedOn" <= ${scope.asOf}::date)
      AND (SELECT d."decision"::text FROM "EarnedReductionDecision" d WHERE d."requirementId" = r."id" AND d."decidedOn" <= ${scope.asOf}::date
           ORDER BY d."decidedOn" DESC, d."createdAt" DESC LIMIT 1) = 'CONFIRMED'
      AND ${inScope(scope)}`;
  return row?.n ?? 0;
}
