import "server-only";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import type { CaseView } from "./case-view.types";
import { getCaseInput, type GetCaseInput } from "./get-case.types";
import { loadCaseView } from "./load-case-view";

/**
 * One case as of `asOf` (default today), for anyone who may see it (else not found). The
 * case carries the person's RoSH and risk codes, so the view is audited (docs/domain.md §2).
 */
export async function getCase(
  actor: AppUser,
  rawInput: GetCaseInput,
  options?: ServiceOptions,
): Promise<ServiceResult<CaseView>> {
  const input = getCaseInput.parse(rawInput);
  const asOf = input.asOf ?? todayFor(options);
  return inTransaction(options, async (tx) => {
    assertCan(actor, "case.read");
    const requirement = await requireVisibleRequirement(tx, actor, input.caseId);
    const view = await loadCaseView(tx, requirement.id, asOf);
    await audit(tx, actor, {
      action: "risk.view",
      entityType: "Requirement",
      entityId: requirement.id,
      regionId: requirement.regionId,
    });
    return success(view);
  });
}
