import "server-only";
import { AccessError, assertCan, seesAllRegions, type AppUser } from "@/server/auth/access";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inNewTransaction } from "@/server/db/transaction";
import { db } from "@/server/db/client";
import { replicaDb } from "@/server/db/replica";
import type { Tx } from "@/server/db/create-client";
import { listCasesQuery, type CaseList, type ListCasesInput } from "./get-case.types";
import { readCaseList } from "./case-list-statement";
import { readKeptCaseList, type ListedCase } from "./kept-case-views";
import type { CaseView } from "./case-view.types";
import { JsonText, jsonObjectText } from "@/server/json-text";

/**
 * The cases the caller may see (restricted cases only for the named users), filtered by region
 * code, stored status and a CRN or name search, newest sentence first, at most 100 — read in one
 * statement (./case-list-statement.ts), in a transaction only to switch JIT off for it. A read of
 * many cases that may be a moment behind, so it reads the read replica when there is one
 * (docs/decisions/0093-read-replica.md); the caller's transaction when it gives one. Without a replica,
 * today's list comes from the case views kept on the primary (./kept-case-views.ts, decision 0101).
 */
async function listCases(
  actor: AppUser,
  rawInput: ListCasesInput,
  options?: ServiceOptions,
): Promise<ServiceResult<{ asOf: string; cases: ListedCase[]; truncated: boolean }>> {
  const input = listCasesQuery.parse(rawInput);
  const today = todayFor(options);
  const asOf = input.asOf ?? today;
  assertCan(actor, "case.list");
  if (input.region && !seesAllRegions(actor) && input.region !== actor.regionCode) {
    throw new AccessError("FORBIDDEN", "You can only list cases in your own region.");
  }
  const read = async (tx: Tx) => {
    const { cases, truncated } = await readCaseList(tx, actor, input, asOf);
    return success({ asOf, cases: cases.map((view) => ({ id: view.id, view })), truncated });
  };
  // A new transaction gets the services' pool wait (Prisma's default of 2 s refused requests with
  // 500 at 20 connections on a loaded machine).
  if (options?.tx) return read(options.tx);
  if (replicaDb === db && asOf === today) {
    const kept = await readKeptCaseList(db, actor, input, today);
    if (kept) return success({ asOf, ...kept });
  }
  return inNewTransaction(replicaDb, "command", read);
}

/** The case list (see listCases) as values. */
export async function listCasesForApi(
  actor: AppUser,
  rawInput: ListCasesInput,
  options?: ServiceOptions,
): Promise<ServiceResult<CaseList>> {
  const result = await listCases(actor, rawInput, options);
  if (!result.ok) return result;
  const { asOf, cases, truncated } = result.value;
  return success({
    asOf,
    cases: cases.map((listed) => ("view" in listed ? listed.view : (JSON.parse(listed.json) as CaseView))),
    truncated,
  });
}

/**
 * The same list as the JSON text GET /api/v1/cases sends, with the ids it shows (for the view's
 * audit): kept views go out as they were stored, never parsed and written again. The text is
 * exactly JSON.stringify of listCasesForApi's value (tests/integration/kept-case-views.test.ts).
 */
export async function listCasesAsJson(
  actor: AppUser,
  rawInput: ListCasesInput,
  options?: ServiceOptions,
): Promise<ServiceResult<{ ids: string[]; json: JsonText<CaseList> }>> {
  const result = await listCases(actor, rawInput, options);
  if (!result.ok) return result;
  const { asOf, cases, truncated } = result.value;
  const items = cases.map((listed) => ("view" in listed ? JSON.stringify(listed.view) : listed.json));
  const text = jsonObjectText([
    ["asOf", JSON.stringify(asOf)],
    ["cases", `[${items.join(",")}]`],
    ["truncated", JSON.stringify(truncated)],
  ]);
  return success({ ids: cases.map((listed) => listed.id), json: new JsonText<CaseList>(text) });
}
