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
import { readBookingCase, readSessionPage } from "./allocation-page-statements";
import { explainMany, type CaseSummary, type Explained } from "./explain-choice";
import { summarise, type SessionSummary } from "./session-summary";
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
    // The case, its facts and its region's placements: one statement (docs/decisions/0098).
    const person = await readBookingCase(tx, actor, input.caseId, today);
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
    const total = await tx.session.count({ where });
    const pageCount = Math.max(1, Math.ceil(total / SESSION_CHOICES_PER_PAGE));
    const page = Math.min(filters.page ?? 1, pageCount);
    const listed = await tx.session.findMany({
      where,
      select: { id: true },
      orderBy: [{ date: "asc" }, { startTime: "asc" }, { id: "asc" }],
      skip: (page - 1) * SESSION_CHOICES_PER_PAGE,
      take: SESSION_CHOICES_PER_PAGE,
    });
    const { requirement } = person;
    const view = requirement.view;
    const base = {
      case: {
        id: person.id,
        crn: person.crn,
        firstName: person.firstName,
        lastName: person.lastName,
        startDeadline: view.startDeadline,
        commencedOn: view.commencedOn,
        outstandingMinutes: view.outstandingMinutes,
        effectiveEndDate: view.effectiveEndDate,
      },
      from,
      to,
      retrospective,
      page,
      pageCount,
      total,
      placements: person.placements,
    };
    // The page's sessions with every fact R10 reads about them: one statement. The whole page is
    // judged together, from the case's facts read once.
    const { rows, counts, facts } = await readSessionPage(
      tx,
      listed.map((r) => r.id),
      requirement,
    );
    const explanations = explainMany(actor, { caseFacts: person.facts, sessionFacts: facts, retrospective }, today);
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
