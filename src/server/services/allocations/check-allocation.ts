import "server-only";
import type { AppUser } from "@/server/auth/access";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { allocateInput, type AllocateInput, type AllocationPreview } from "./allocate.types";
import { prepareAllocation } from "./prepare-allocation";

// R10
/**
 * What would happen if this booking were made now — every blocking reason and warning — so
 * the UI can explain before the click. Reads only (no locks, no writes); the booking itself
 * (allocate) asks the same question again under locks.
 */
export async function checkAllocation(
  actor: AppUser,
  rawInput: AllocateInput,
  options?: ServiceOptions,
): Promise<ServiceResult<AllocationPreview>> {
  const input = allocateInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const prepared = await prepareAllocation(tx, actor, input, today, { lock: false });
    if (!prepared.ok) return prepared;
    const { check } = prepared;
    return success({
      allowed: check.ok,
      refusals: check.refusals,
      warnings: check.warnings,
      overridden: check.overridden,
    });
  });
}
