import "server-only";
import { addDays, utcDateFromIsoDate, type IsoDate } from "@/domain";
import { rankSessionChoices } from "@/domain/session-choice";
import { visibleSessionsWhere, type AppUser } from "@/server/auth/access";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { caseSummary, explain, withoutRegion, type CaseSummary, type Explained } from "./explain-choice";
import { sessionSelect, summarise, type SessionSummary } from "./session-summary";

// R10, before the click: every session a coordinator might choose for one case, ranked and
// explained. Reads only.

/** The allocation page looks this far ahead (issue 4: "suitable sessions in the next 4 weeks"). */
export const SUGGESTION_WINDOW_DAYS = 28;
/** At most this many sessions are checked for one page. */
const MAX_SESSIONS = 80;

export type SessionChoice = SessionSummary & Explained;

/**
 * Sessions for one case, ranked (session-choice.ts), each explained. Without `on`: the
 * scheduled sessions of the case's region from today for four weeks. With a past `on`: that
 * day's sessions, checked as retrospective bookings (entering a paper register).
 */
export async function suggestSessions(
  actor: AppUser,
  input: { caseId: string; on?: IsoDate | undefined },
  options?: ServiceOptions,
): Promise<ServiceResult<{ case: CaseSummary; from: IsoDate; to: IsoDate; retrospective: boolean; choices: SessionChoice[]; truncated: boolean }>> {
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const person = await caseSummary(tx, actor, input.caseId, today);
    const retrospective = input.on !== undefined && input.on < today;
    const from = input.on ?? today;
    const to = input.on ?? addDays(today, SUGGESTION_WINDOW_DAYS - 1);
    const rows = await tx.session.findMany({
      where: {
        AND: [
          visibleSessionsWhere(actor),
          { placement: { regionId: person.regionId } },
          { date: { gte: utcDateFromIsoDate(from), lte: utcDateFromIsoDate(to) } },
          { status: retrospective ? { in: ["SCHEDULED", "CLOSED"] } : "SCHEDULED" },
        ],
      },
      select: sessionSelect,
      orderBy: [{ date: "asc" }, { startTime: "asc" }],
      take: MAX_SESSIONS + 1,
    });
    const choices: SessionChoice[] = [];
    for (const row of rows.slice(0, MAX_SESSIONS)) {
      choices.push({ ...summarise(row), ...(await explain(tx, actor, { sessionId: row.id, caseId: person.id, retrospective }, today)) });
    }
    return success({ case: withoutRegion(person), from, to, retrospective, choices: rankSessionChoices(choices), truncated: rows.length > MAX_SESSIONS });
  });
}

