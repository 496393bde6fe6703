import "server-only";
import { utcDateFromIsoDate } from "@/domain";
import { notFound, type AppUser } from "@/server/auth/access";
import { requireVisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { caseSummary, explain, withoutRegion, type CaseSummary } from "./explain-choice";
import { bookedCounts, sessionSelect, summarise } from "./session-summary";
import type { SessionChoice } from "./suggest-sessions";

export type OverrideRequest = {
  id: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
  reason: string | null;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
};

/** One session for one case, explained (the booking page's "before you book"). */
export async function explainBooking(
  actor: AppUser,
  input: { caseId: string; sessionId: string },
  options?: ServiceOptions,
): Promise<
  ServiceResult<{
    case: CaseSummary;
    session: SessionChoice & { pickUpPoint: string | null; pickUpTime: string | null };
    futureSessionsInSeries: number;
    overrideRequests: OverrideRequest[];
  }>
> {
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const loaded = await caseSummary(tx, actor, input.caseId, today);
    const { regionId } = loaded;
    const person = withoutRegion(loaded);
    const visible = await requireVisibleSession(tx, actor, input.sessionId);
    if (visible.regionId !== regionId) throw notFound("session");
    const row = await tx.session.findUniqueOrThrow({
      where: { id: visible.id },
      select: { ...sessionSelect, pickUpPoint: true, pickUpTime: true },
    });
    const summary = summarise(row, await bookedCounts(tx, [row.id]));
    const explained = await explain(
      tx,
      actor,
      { sessionId: row.id, caseId: person.id, retrospective: summary.date < today },
      today,
    );
    const futureSessionsInSeries = row.seriesId
      ? await tx.session.count({
          where: { seriesId: row.seriesId, status: "SCHEDULED", date: { gte: utcDateFromIsoDate(today) } },
        })
      : 0;
    // R10: what became of any request to a manager to override a refusal of this booking.
    const requests = await tx.approval.findMany({
      where: { kind: "BOOKING_OVERRIDE", requirementId: person.id, sessionId: row.id },
      select: { id: true, status: true, reason: true, requestedAt: true, decidedAt: true, decisionNote: true },
      orderBy: { requestedAt: "desc" },
    });
    const overrideRequests = requests.map((r) => ({
      ...r,
      requestedAt: r.requestedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    }));
    return success({
      case: person,
      session: { ...summary, ...explained, pickUpPoint: row.pickUpPoint, pickUpTime: row.pickUpTime },
      futureSessionsInSeries,
      overrideRequests,
    });
  });
}
