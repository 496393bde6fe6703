import "server-only";
import { formatDate, isoDateFromUtcDate, utcDateFromIsoDate, type Refusal, type RuleWarning } from "@/domain";
import { notFound, visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { isUuid } from "../uuid";
import { todayFor, type ServiceOptions } from "../context";
import { failure, success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { allocate } from "./allocate";
import type { AllocationView } from "./allocate.types";
import {
  allocateSeriesInput,
  type AllocateSeriesInput,
  type SeriesAllocationView,
  type SeriesRefusal,
} from "./allocate-series.types";

// R10
/**
 * Books one case on every future (scheduled, from today) session of a weekly series, in ONE
 * transaction. Each session goes through the very same booking command (`allocate`, with its
 * row locks and the domain's checkAllocation), in date order, so the first session's booking
 * counts when the next is checked (e.g. only the first work session needs a late-start reason).
 * Sessions that R10 refuses are reported one by one with every reason; the others are booked
 * together. When none can be booked nothing is written and the refusal lists why.
 */
export async function allocateSeries(
  actor: AppUser,
  rawInput: AllocateSeriesInput,
  options?: ServiceOptions,
): Promise<ServiceResult<SeriesAllocationView>> {
  const input = allocateSeriesInput.parse(rawInput);
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    if (!isUuid(input.seriesId)) throw notFound("series");
    const sessions = await tx.session.findMany({
      where: { AND: [visibleSessionsWhere(actor), { seriesId: input.seriesId }] },
      select: { id: true, date: true, status: true, placement: { select: { regionId: true } } },
      orderBy: [{ date: "asc" }, { startTime: "asc" }],
    });
    if (sessions.length === 0) throw notFound("series");
    const future = sessions.filter((s) => s.status === "SCHEDULED" && s.date >= utcDateFromIsoDate(today));
    if (future.length === 0) {
      return failure("CONFLICT", "This weekly series has no sessions left from today, so there is nothing to book.", {
        field: "seriesId",
      });
    }

    const { seriesId, ...booking } = input;
    const booked: AllocationView[] = [];
    const refused: SeriesRefusal[] = [];
    const warnings: RuleWarning[] = [];
    for (const session of future) {
      // R2's reason belongs to the first work session only: once one is booked, the later ones are not late starts.
      const { lateStartReason, lateStartNote, ...rest } = booking;
      const asked = booked.length === 0 ? { lateStartReason, lateStartNote } : {};
      const result = await allocate(actor, { ...rest, ...asked, sessionId: session.id }, { tx, today });
      if (result.ok) {
        booked.push(result.value);
        for (const warning of result.warnings ?? []) {
          if (!warnings.some((w) => w.code === warning.code)) warnings.push(warning);
        }
        continue;
      }
      const reasons = (result.details?.refusals as Refusal[] | undefined)?.map((r) => r.message) ?? [result.message];
      refused.push({
        sessionId: session.id,
        date: isoDateFromUtcDate(session.date),
        code: result.code,
        message: result.message,
        reasons,
      });
    }

    if (booked.length === 0) {
      const first = refused[0];
      return failure(
        (first?.code as Parameters<typeof failure>[0]) ?? "CONFLICT",
        `None of the ${future.length} sessions could be booked. ${refused.map((r) => `${formatDate(r.date)}: ${r.message}`).join(" ")}`,
        { details: { refused } },
      );
    }

    const view: SeriesAllocationView = { seriesId, caseId: input.caseId, booked, refused };
    await audit(tx, actor, {
      action: "allocation.create-series",
      entityType: "SessionSeries",
      entityId: seriesId,
      regionId: future[0]?.placement.regionId ?? null,
      after: { caseId: input.caseId, booked: booked.map((b) => b.id), refused },
    });
    return success(view, warnings);
  });
}
