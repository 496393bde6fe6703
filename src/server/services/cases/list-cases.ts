import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AccessError, assertCan, seesAllRegions, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { LIST_CASES_LIMIT, listCasesQuery, type CaseList, type ListCasesInput } from "./get-case.types";
import { loadCaseViews } from "./load-case-view";
import { likeLiteral } from "@/server/db/like-pattern";

/**
 * The cases the caller may see (restricted cases only for the named users), filtered by region
 * code, stored status and a CRN or name search, newest sentence first, at most 100.
 */
export async function listCasesForApi(
  actor: AppUser,
  rawInput: ListCasesInput,
  options?: ServiceOptions,
): Promise<ServiceResult<CaseList>> {
  const input = listCasesQuery.parse(rawInput);
  const asOf = input.asOf ?? todayFor(options);
  assertCan(actor, "case.list");
  return inTransaction(options, async (tx) => {
    if (input.region && !seesAllRegions(actor) && input.region !== actor.regionCode) {
      throw new AccessError("FORBIDDEN", "You can only list cases in your own region.");
    }
    const q = input.q;
    const where: Prisma.RequirementWhereInput = {
      AND: [
        visibleRequirementsWhere(actor),
        input.region ? { region: { code: input.region } } : {},
        input.status ? { status: input.status } : {},
        q
          ? {
              person: {
                OR: [
                  { crn: q.toUpperCase() },
                  { firstName: { contains: likeLiteral(q), mode: "insensitive" } },
                  { lastName: { contains: likeLiteral(q), mode: "insensitive" } },
                ],
              },
            }
          : {},
      ],
    };
    const rows = await tx.requirement.findMany({
      where,
      orderBy: [{ sentenceDate: "desc" }, { id: "asc" }],
      take: LIST_CASES_LIMIT + 1,
      select: { id: true },
    });
    // Every case's facts in one read (not one query per case).
    const cases = await loadCaseViews(
      tx,
      rows.slice(0, LIST_CASES_LIMIT).map((row) => row.id),
      asOf,
    );
    return success({ asOf, cases, truncated: rows.length > LIST_CASES_LIMIT });
  });
}
