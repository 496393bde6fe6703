import "server-only";
import {
  addDays,
  daysBetween,
  dayOfWeek,
  formatDate,
  isoDateFromUtcDate,
  utcDateFromIsoDate,
  type IsoDate,
} from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { loadBankHolidayCalendar, loadRuleContext, type ServiceOptions } from "../context";
import { failure, invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import {
  createSessionSeriesInput,
  MAX_SERIES_DAYS,
  type CreateSessionSeriesInput,
  type SessionSeriesResult,
} from "./create-session-series.types";
import { checkSupervisor, checkTimes, findPlacementForSessions } from "./session-setup";
import { checkGroupCapacity, checkSupervisorFree, lockSupervisor } from "./supervisor-checks";

/** ISO weekday, 1 = Monday … 7 = Sunday. */
const isoWeekday = (d: IsoDate): number => ((dayOfWeek(d) + 6) % 7) + 1;

/**
 * Adds a weekly run of sessions of a placement from `fromDate` to `toDate`, skipping England &
 * Wales bank holidays (docs/domain.md §3: the BankHoliday table, shipped and administrator-added dates);
 * the result lists the dates skipped so the coordinator can arrange cover.
 */
export async function createSessionSeries(
  actor: AppUser,
  rawInput: CreateSessionSeriesInput,
  options?: ServiceOptions,
): Promise<CommandResult<SessionSeriesResult>> {
  const input = createSessionSeriesInput.parse(rawInput);
  return inTransaction(options, async (tx) => {
    const placement = await findPlacementForSessions(tx, actor, input.placementId);
    assertCan(actor, "session.create");
    if (!placement.active)
      return failure("CONFLICT", "This placement is no longer active, so no sessions can be added.", {
        field: "placementId",
      });
    if (daysBetween(input.fromDate, input.toDate) > MAX_SERIES_DAYS) {
      return invalidInput("toDate", "A run of sessions can cover at most a year. Add another run for later dates.");
    }
    const problem =
      checkTimes(input.startTime, input.endTime) ?? (await checkSupervisor(tx, placement.regionId, input.supervisorId));
    if (problem) return problem;

    const weekday = input.weekday ?? isoWeekday(input.fromDate);
    const calendar = await loadBankHolidayCalendar(tx);
    const dates: IsoDate[] = [];
    const skipped: IsoDate[] = [];
    for (
      let d = addDays(input.fromDate, (weekday - isoWeekday(input.fromDate) + 7) % 7);
      d <= input.toDate;
      d = addDays(d, 7)
    ) {
      (calendar.has(d) ? skipped : dates).push(d);
    }
    if (dates.length === 0) {
      return invalidInput(
        "toDate",
        "There is no working date for this day of the week between the first and last dates.",
      );
    }
    const { policy } = await loadRuleContext(tx, { regionId: placement.regionId, on: input.fromDate });
    const tooLarge = checkGroupCapacity(placement.type, input.capacity ?? placement.capacity, policy);
    if (tooLarge) return tooLarge;
    if (input.supervisorId) {
      await lockSupervisor(tx, input.supervisorId);
      const busy = await checkSupervisorFree(tx, {
        supervisorId: input.supervisorId,
        dates,
        startTime: input.startTime,
        endTime: input.endTime,
      });
      if (busy) return busy;
    }

    const series = await tx.sessionSeries.create({
      data: {
        placementId: placement.id,
        weekday,
        startTime: input.startTime,
        endTime: input.endTime,
        fromDate: utcDateFromIsoDate(input.fromDate),
        toDate: utcDateFromIsoDate(input.toDate),
      },
      select: { id: true },
    });
    const sessions = await tx.session.createManyAndReturn({
      data: dates.map((date) => ({
        placementId: placement.id,
        seriesId: series.id,
        date: utcDateFromIsoDate(date),
        startTime: input.startTime,
        endTime: input.endTime,
        supervisorId: input.supervisorId ?? null,
        capacity: input.capacity ?? placement.capacity,
        pickUpPoint: input.pickUpPoint ?? null,
        pickUpTime: input.pickUpTime ?? null,
      })),
      select: { id: true, date: true },
    });
    const created = sessions
      .map((s) => ({ id: s.id, date: isoDateFromUtcDate(s.date) }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    await audit(tx, actor, {
      action: "session-series.create",
      entityType: "SessionSeries",
      entityId: series.id,
      regionId: placement.regionId,
      after: { ...input, weekday, sessions: created.length, skippedBankHolidays: skipped },
    });
    const message =
      `${created.length} session${created.length === 1 ? "" : "s"} added.` +
      (skipped.length > 0
        ? ` No session on ${skipped.map(formatDate).join(", ")}: ${skipped.length === 1 ? "it is a bank holiday" : "they are bank holidays"}.`
        : "");
    return success({ seriesId: series.id, weekday, sessions: created, skippedBankHolidays: skipped, message });
  });
}
