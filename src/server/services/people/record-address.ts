import "server-only";
import { z } from "zod";
import { addDays, isIsoDate, isoDateFromUtcDate, utcDateFromIsoDate } from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { lockPerson } from "../row-locks";
import { requireVisibleRequirement } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";

const isoDate = z.string().refine(isIsoDate, { message: "Enter the date as YYYY-MM-DD" });

export const recordAddressInput = z
  .object({
    caseId: z.uuid(),
    line1: z.string().trim().min(1).max(200),
    line2: z.string().trim().max(200).nullish(),
    town: z.string().trim().min(1).max(100),
    postcode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$/, { message: "Enter a real UK postcode, for example LS1 4AB" }),
    validFrom: isoDate,
  })
  .strict();
export type RecordAddressInput = z.input<typeof recordAddressInput>;

/**
 * A person's new address, from a date (coordinators and managers of the case's region). The
 * history is kept: the address it replaces ends the day before. Letters (the R9 warning) use the
 * address current on their date. Audited; the person row is locked so two changes queue.
 */
export async function recordAddress(
  actor: AppUser,
  rawInput: RecordAddressInput,
  options?: ServiceOptions,
): Promise<CommandResult<{ caseId: string }>> {
  const input = recordAddressInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleRequirement(tx, actor, input.caseId);
    assertCan(actor, "person.address");
    await lockPerson(tx, visible.personId);
    if (input.validFrom > today) return invalidInput("validFrom", "The date they moved in cannot be in the future.");
    const current = await tx.personAddress.findFirst({
      where: { personId: visible.personId, validTo: null },
      orderBy: { validFrom: "desc" },
      select: { id: true, validFrom: true, line1: true, town: true, postcode: true },
    });
    if (current && isoDateFromUtcDate(current.validFrom) >= input.validFrom) {
      return invalidInput(
        "validFrom",
        `The new address must start after the current one (from ${isoDateFromUtcDate(current.validFrom)}).`,
      );
    }
    if (current) {
      await tx.personAddress.update({
        where: { id: current.id },
        data: { validTo: utcDateFromIsoDate(addDays(input.validFrom, -1)) },
      });
    }
    const created = await tx.personAddress.create({
      data: {
        personId: visible.personId,
        line1: input.line1,
        line2: input.line2?.trim() || null,
        town: input.town,
        postcode: input.postcode,
        validFrom: utcDateFromIsoDate(input.validFrom),
        createdById: actor.id,
      },
      select: { id: true },
    });
    await audit(tx, actor, {
      action: "person.address",
      entityType: "Person",
      entityId: visible.personId,
      regionId: visible.regionId,
      before: current
        ? { addressId: current.id, line1: current.line1, town: current.town, postcode: current.postcode }
        : undefined,
      after: {
        addressId: created.id,
        line1: input.line1,
        town: input.town,
        postcode: input.postcode,
        validFrom: input.validFrom,
      },
    });
    return success({ caseId: visible.id });
  });
}
