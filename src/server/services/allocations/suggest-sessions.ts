import "server-only";
import { addDays, daysBetween, utcDateFromIsoDate, type IsoDate, type Refusal } from "@/domain";
import {
  datesOnWeekdays,
  dayPartTimeBounds,
  isCaseLevelRefusal,
  MAX_SESSION_FILTER_DAYS,
  rankSessionChoices,
  SESSION_CHOICES_PER_PAGE,
} from "@/domain/session-choice";
import { visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import type { Prisma } from "@/generated/prisma/client";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { caseSummary, explainMany, withoutRegion, type CaseSummary, type Explained } from "./explain-choice";
import { bookedCounts, sessionSelect, summarise, type SessionSummary } from "./session-summary";
import { sessionFilters, type SessionFilters } from "./suggest-sessions.types";

// R10, before the click: the sessions a coordinator might choose for one case, filtered, a page
// at a time, each explained by the booking rule and ranked within the page. Reads only.

/** The allocation page looks this far ahead by default (issue 4: "suitable sessions in the next 4 weeks"). */
export const SUGGESTION_WINDOW_DAYS = 28;

export type SessionChoice = SessionSummary & Explained;

export type SuggestedSessions = {
  case: CaseSummary;
  from: IsoDate;
  to: IsoDate;
  retrospective: boolean;
  /** Reasons about the case itself (e.g. an incomplete assessment): no session can be booked, so none is listed. */
  caseRefusals: Refusal[];
  choices: SessionChoice[];
  page: number;
  pageCount: number;
  /** Sessions matching the filters, on every page. */
  total: number;
  /** The region's open placements, for the placement filter. */
  placements: { id: string; name: string }[];
};

/**
 * Sessions for one case. Without `on`: the scheduled sessions of the case's region in the
 * filtered date range (today for four weeks by default). With a past `on`: that day's
 * sessions, checked as retrospective bookings (entering a paper register). Pages of
 * SESSION_CHOICES_PER_PAGE in date order; within a page, best first.
 */
export async function suggestSessions(
  actor: AppUser,
  input: { caseId: string; on?: IsoDate | undefined } & SessionFilters,
  options?: ServiceOptions,
): Promise<ServiceResult<SuggestedSessions>> {
  const today = todayFor(options);
  const filters = sessionFilters.parse({
    from: input.from,
    to: input.to,
    placementId: input.placementId,
    days: input.days,
    parts: input.parts,
    page: input.page,
  });
  return inTransaction(options, async (tx) => {
    const person = await caseSummary(tx, actor, input.caseId, today);
    const retrospective = input.on !== undefined && input.on < today;
    const from = input.on ?? filters.from ?? today;
    const wantedTo = input.on ?? filters.to ?? addDays(from, SUGGESTION_WINDOW_DAYS - 1);
    const to =
      daysBetween(from, wantedTo) >= MAX_SESSION_FILTER_DAYS ? addDays(from, MAX_SESSION_FILTER_DAYS - 1) : wantedTo;
    const dates = datesOnWeekdays(from, to, filters.days ?? []);
    const parts = filters.parts ?? [];
    const where: Prisma.SessionWhereInput = {
      AND: [
        visibleSessionsWhere(actor),
        { placement: { regionId: person.regionId } },
        { date: { gte: utcDateFromIsoDate(from), lte: utcDateFromIsoDate(to) } },
        { status: retrospective ? { in: ["SCHEDULED", "CLOSED"] } : "SCHEDULED" },
        ...(filters.placementId ? [{ placementId: filters.placementId }] : []),
        ...(dates ? [{ date: { in: dates.map(utcDateFromIsoDate) } }] : []),
        ...(parts.length > 0
          ? [
              {
                OR: parts.map((part) => {
                  const b = dayPartTimeBounds(part);
                  return { startTime: { lt: b.startsBefore }, endTime: { gt: b.endsAfter } };
                }),
              },
            ]
          : []),
      ],
    };
    const placements = await tx.placement.findMany({
      where: { regionId: person.regionId, active: true },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    const total = await tx.session.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / SESSION_CHOICES_PER_PAGE));
    const page = Math.min(filters.page ?? 1, pageCount);
    const rows = await tx.session.findMany({
      where,
      select: sessionSelect,
      orderBy: [{ date: "asc" }, { startTime: "asc" }, { id: "asc" }],
      skip: (page - 1) * SESSION_CHOICES_PER_PAGE,
      take: SESSION_CHOICES_PER_PAGE,
    });
    const base = { case: withoutRegion(person), from, to, retrospective, page, pageCount, total, placements };
    const counts = await bookedCounts(
      tx,
      rows.map((r) => r.id),
    );
    // The whole page judged together: the case's facts once, the sessions' in one query per kind.
    const explanations = await explainMany(
      tx,
      actor,
      { requirement: person.requirement, sessionIds: rows.map((r) => r.id), retrospective },
      today,
    );
    const choices: SessionChoice[] = [];
    for (const [i, row] of rows.entries()) {
      const explained = explanations[i];
      if (!explained) throw new Error(`No explanation for session ${row.id}`);
      // An incomplete assessment (or a finished requirement) stops every booking: said once, not once per session.
      const caseRefusals = explained.refusals.filter((r) => isCaseLevelRefusal(r.code));
      if (caseRefusals.length > 0) return success({ ...base, caseRefusals, choices: [] });
      choices.push({ ...summarise(row, counts), ...explained });
    }
    return success({ ...base, caseRefusals: [], choices: rankSessionChoices(choices) });
  });
}
