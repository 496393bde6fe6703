import "server-only";
import { utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { db } from "@/server/db/client";
import {
  loadRuleCommencements,
  RULE_COMMENCEMENT_KEYS,
  type RuleCommencements,
} from "@/server/rules/rule-commencements";
import { todayFor, type ServiceOptions } from "../context";
import { success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { ruleCommencementsBody, type RuleCommencementsInput } from "./set-rule-commencements.types";

/**
 * Records the Sentencing Act 2026 commencement dates (administrators only). Each change is a
 * new PolicySetting row dated today (a second change the same day replaces that day's row),
 * audited with the dates before and after. From then on every service and every reader applies
 * the new rules on and after each date, and the old ones before it.
 */
export async function setRuleCommencements(
  actor: AppUser,
  rawInput: RuleCommencementsInput,
  options?: ServiceOptions,
): Promise<CommandResult<RuleCommencements>> {
  assertCan(actor, "admin.reference");
  const input = ruleCommencementsBody.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    // One administrator at a time: the advisory lock makes two saves at once judge one after the other.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('rule-commencements'))`;
    const before = await loadRuleCommencements(tx);
    const changed = RULE_COMMENCEMENT_KEYS.filter((key) => before[key] !== input[key]);
    for (const key of changed) {
      const value = input[key] ?? "";
      await tx.policySetting.upsert({
        where: { key_effectiveFrom: { key, effectiveFrom: utcDateFromIsoDate(today) } },
        create: { key, value, effectiveFrom: utcDateFromIsoDate(today), setById: actor.id },
        update: { value, setById: actor.id, createdAt: new Date() },
      });
    }
    const after: RuleCommencements = { ...input };
    if (changed.length > 0) {
      await audit(tx, actor, {
        action: "rule-commencements.set",
        entityType: "PolicySetting",
        entityId: "rule-commencements",
        before,
        after,
      });
    }
    return success(after);
  });
}

/** The commencement dates as they stand (administrators only). */
export async function getRuleCommencements(actor: AppUser): Promise<CommandResult<RuleCommencements>> {
  assertCan(actor, "admin.reference");
  return success(await loadRuleCommencements(db));
}
