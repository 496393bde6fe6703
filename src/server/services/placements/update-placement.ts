import "server-only";
import { utcDateFromIsoDate, type RuleWarning } from "@/domain";
import { assertCan, notFound, regionFilter, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { isUuid } from "../uuid";
import { todayFor, type ServiceOptions } from "../context";
import { staleVersion, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { conflictsWarning, recheckSessions } from "../allocations/recheck-bookings";
import type { PlacementView } from "./create-placement.types";
import { updatePlacementInput, type UpdatePlacementInput } from "./update-placement.types";

/**
 * Edits, closes or reopens a placement (version-checked). Closing stops new sessions; sessions
 * already planned stay, and the reply says how many still have people booked. A change of
 * features (e.g. children now present) re-checks every future booking on it (R10).
 */
export async function updatePlacement(
  actor: AppUser,
  rawInput: UpdatePlacementInput,
  options?: ServiceOptions,
): Promise<CommandResult<PlacementView>> {
  const input = updatePlacementInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    if (!isUuid(input.placementId)) throw notFound("placement");
    const found = await tx.placement.findFirst({
      where: { id: input.placementId, ...regionFilter(actor) },
      select: { id: true },
    });
    if (!found) throw notFound("placement");
    assertCan(actor, "placement.change");
    await tx.$queryRaw`SELECT id FROM "Placement" WHERE id = ${found.id}::uuid FOR UPDATE`;
    const before = await tx.placement.findUniqueOrThrow({
      where: { id: found.id },
      include: {
        region: { select: { code: true } },
        pdu: { select: { code: true } },
        beneficiary: { select: { name: true } },
      },
    });
    if (before.version !== input.version) {
      const stale = staleVersion("placement");
      return { ...stale, details: { ...stale.details, yourVersion: input.version, currentVersion: before.version } };
    }
    const changes = {
      name: input.name,
      capacity: input.capacity,
      features: input.features,
      address: input.address,
      postcode: input.postcode,
      description: input.description,
      whatToBring: input.whatToBring,
      needsMinibus: input.needsMinibus,
      active: input.active,
    };
    const data = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const after = await tx.placement.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } });

    const warnings: RuleWarning[] = [];
    const future = await tx.session.findMany({
      where: {
        placementId: before.id,
        status: "SCHEDULED",
        date: { gte: utcDateFromIsoDate(today) },
        allocations: { some: { status: "BOOKED" } },
      },
      select: { id: true },
    });
    if (input.features && [...input.features].sort().join() !== [...before.features].sort().join()) {
      const warning = conflictsWarning(
        await recheckSessions(tx, { sessionIds: future.map((s) => s.id), regionId: before.regionId }),
      );
      if (warning) warnings.push(warning);
    }
    if (before.active && after.active === false && future.length > 0) {
      warnings.push({
        code: "BOOKING_CONFLICTS",
        message: `The placement is closed to new sessions. ${future.length} planned ${future.length === 1 ? "session still has" : "sessions still have"} people booked: stand ${future.length === 1 ? "it" : "them"} down or move the bookings.`,
      });
    }
    await audit(tx, actor, {
      action:
        before.active !== after.active ? (after.active ? "placement.reopen" : "placement.close") : "placement.update",
      entityType: "Placement",
      entityId: before.id,
      regionId: before.regionId,
      before: {
        ...Object.fromEntries(Object.keys(data).map((k) => [k, before[k as keyof typeof before]])),
        version: before.version,
      },
      after: { ...data, version: after.version },
    });
    return success(
      {
        id: after.id,
        name: after.name,
        type: after.type,
        region: before.region.code,
        pdu: before.pdu?.code ?? null,
        capacity: after.capacity,
        features: after.features,
        beneficiary: before.beneficiary?.name ?? null,
        address: after.address,
        postcode: after.postcode,
        needsMinibus: after.needsMinibus,
        active: after.active,
        version: after.version,
      },
      warnings,
    );
  });
}
