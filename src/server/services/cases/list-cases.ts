import "server-only";
import { AccessError, assertCan, seesAllRegions, type AppUser } from "@/server/auth/access";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { listCasesQuery, type CaseList, type ListCasesInput } from "./get-case.types";
import { readCaseList } from "./case-list-statement";

/**
 * The cases the caller may see (restricted cases only for the named users), filtered by region
 * code, stored status and a CRN or name search, newest sentence first, at most 100 — read in one
 * statement (./case-list-statement.ts), in a transaction only to switch JIT off for it.
 */
export async function listCasesForApi(
  actor: AppUser,
  rawInput: ListCasesInput,
  options?: ServiceOptions,
): Promise<ServiceResult<CaseList>> {
  const input = listCasesQuery.parse(rawInput);
  const asOf = input.asOf ?? todayFor(options);
  assertCan(actor, "case.list");
  if (input.region && !seesAllRegions(actor) && input.region !== actor.regionCode) {
    throw new AccessError("FORBIDDEN", "You can only list cases in your own region.");
  }
  // inTransaction: the caller's transaction, or one with the services' pool wait (Prisma's default
  // of 2 s refused requests with 500 at 20 connections on a loaded machine).
  return inTransaction(options, async (tx) => {
    const { cases, truncated } = await readCaseList(tx, actor, input, asOf);
    return success({ asOf, cases, truncated });
  });
}
