import "server-only";
import { isoDateFromUtcDate, isoDateInLondon, todayInLondon } from "@/domain";
import { assertCan, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { deriveViewsForTransferDecision } from "./requirement-facts";

// Transfers of a requirement between regions (docs/decisions/0050-region-transfers.md).

/**
 * The cases other regions ask to move to the caller's region, oldest first. The receiving manager
 * cannot open these cases yet (they are another region's records); this summary is just enough to
 * decide: who, which order, how many hours are left, from where and why. No risk information,
 * attendance, notes or enforcement history until the case has moved.
 */
export async function listIncomingTransfers(user: AppUser) {
  assertCan(user, "transfer.decide");
  if (!user.regionId) return [];
  const rows = await db.requirementTransfer.findMany({
    where: { toRegionId: user.regionId, status: "REQUESTED" },
    orderBy: { requestedAt: "asc" },
    select: {
      id: true,
      reason: true,
      requestedAt: true,
      requestedById: true,
      fromRegion: { select: { code: true, name: true } },
      requirement: {
        select: {
          id: true,
          orderType: true,
          sentenceDate: true,
          hoursOrdered: true,
          person: { select: { crn: true, firstName: true, lastName: true } },
        },
      },
    },
  });
  const requesters = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.requestedById) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(requesters.map((u) => [u.id, u.name]));
  // Hours left as the case page says them: concurrent credits and a confirmed earned reduction count.
  const views = await deriveViewsForTransferDecision(
    rows.map((t) => t.requirement.id),
    todayInLondon(),
  );
  return rows.map((t) => ({
    id: t.id,
    caseId: t.requirement.id,
    crn: t.requirement.person.crn,
    name: `${t.requirement.person.firstName} ${t.requirement.person.lastName}`,
    orderType: t.requirement.orderType,
    sentenceDate: isoDateFromUtcDate(t.requirement.sentenceDate),
    hoursOrdered: t.requirement.hoursOrdered,
    outstandingMinutes: views.get(t.requirement.id)?.outstandingMinutes ?? 0,
    fromRegion: t.fromRegion.code,
    fromRegionName: t.fromRegion.name,
    reason: t.reason,
    requestedOn: isoDateInLondon(t.requestedAt),
    requestedBy: nameOf.get(t.requestedById) ?? "Unknown",
  }));
}

/** Every transfer of a case the caller can see, newest first, for the case page's history. */
export async function listCaseTransfers(user: AppUser, requirementId: string) {
  const visible = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: { id: true },
  });
  if (!visible) return [];
  const rows = await db.requirementTransfer.findMany({
    where: { requirementId },
    orderBy: { requestedAt: "desc" },
    select: {
      id: true,
      status: true,
      reason: true,
      decisionNote: true,
      requestedAt: true,
      decidedAt: true,
      acceptedOn: true,
      fromRegion: { select: { name: true } },
      fromPdu: { select: { name: true } },
      toRegion: { select: { name: true } },
    },
  });
  return rows.map((t) => ({
    id: t.id,
    status: t.status,
    reason: t.reason,
    decisionNote: t.decisionNote,
    fromRegion: t.fromRegion.name,
    fromPdu: t.fromPdu?.name ?? null,
    toRegion: t.toRegion.name,
    requestedOn: isoDateInLondon(t.requestedAt),
    decidedOn: t.decidedAt ? isoDateInLondon(t.decidedAt) : null,
    acceptedOn: t.acceptedOn ? isoDateFromUtcDate(t.acceptedOn) : null,
  }));
}

export type CaseTransfer = Awaited<ReturnType<typeof listCaseTransfers>>[number];

/** The regions a case can be sent to: every region but its own. */
export async function transferDestinations(regionId: string) {
  return db.region.findMany({
    where: { id: { not: regionId } },
    select: { code: true, name: true },
    orderBy: { name: "asc" },
  });
}
