import "server-only";
import type { IsoDate } from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import type { SessionChoiceStanding } from "@/domain/session-choice";
import { requireVisibleSession } from "../visible-records";
import { todayFor, type ServiceOptions } from "../context";
import { success, type ServiceResult } from "../result";
import { inTransaction } from "../transaction";
import { likeLiteral } from "@/server/db/like-pattern";
import { caseSummary, explain, type Explained } from "./explain-choice";
import { bookedCounts, sessionSelect, summarise, type SessionSummary } from "./session-summary";

/** At most this many people are checked for one session's "add people" page. */
const MAX_PEOPLE = 20;

export type PersonChoice = {
  caseId: string;
  crn: string;
  firstName: string;
  lastName: string;
  startDeadline: IsoDate | null;
  commencedOn: IsoDate | null;
} & Explained;

/**
 * "Add people" from a session: the region's active cases with a complete assessment that
 * match the search (name or CRN), not already on the session, each explained for this session.
 */
export async function suggestPeopleForSession(
  actor: AppUser,
  input: { sessionId: string; q?: string | undefined },
  options?: ServiceOptions,
): Promise<ServiceResult<{ session: SessionSummary; people: PersonChoice[]; truncated: boolean }>> {
  const today = todayFor(options);
  return inTransaction(options, async (tx) => {
    const visible = await requireVisibleSession(tx, actor, input.sessionId);
    const row = await tx.session.findUniqueOrThrow({ where: { id: visible.id }, select: sessionSelect });
    const session = summarise(row, await bookedCounts(tx, [row.id]));
    const q = input.q?.trim() ?? "";
    const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
    const requirements = await tx.requirement.findMany({
      where: {
        AND: [
          visibleRequirementsWhere(actor),
          { regionId: visible.regionId, status: "ACTIVE", assessment: { is: { complete: true } } },
          { allocations: { none: { sessionId: visible.id, status: "BOOKED" } } },
          ...(q
            ? [
                {
                  OR: [
                    { person: { crn: { startsWith: likeLiteral(q.toUpperCase()) } } },
                    {
                      AND: words.map((word) => ({
                        OR: [
                          { person: { firstName: { contains: likeLiteral(word), mode: "insensitive" as const } } },
                          { person: { lastName: { contains: likeLiteral(word), mode: "insensitive" as const } } },
                        ],
                      })),
                    },
                  ],
                },
              ]
            : []),
        ],
      },
      select: { id: true },
      orderBy: [{ sentenceDate: "asc" }, { person: { lastName: "asc" } }],
      take: MAX_PEOPLE + 1,
    });
    const people: PersonChoice[] = [];
    for (const { id } of requirements.slice(0, MAX_PEOPLE)) {
      const person = await caseSummary(tx, actor, id, today);
      people.push({
        caseId: person.id,
        crn: person.crn,
        firstName: person.firstName,
        lastName: person.lastName,
        startDeadline: person.startDeadline,
        commencedOn: person.commencedOn,
        ...(await explain(
          tx,
          actor,
          { sessionId: visible.id, caseId: person.id, retrospective: session.date < today },
          today,
        )),
      });
    }
    const order: Record<SessionChoiceStanding, number> = { BOOKABLE: 0, NEEDS_DETAILS: 1, BLOCKED: 2 };
    people.sort((a, b) => order[a.standing] - order[b.standing]);
    return success({ session, people, truncated: requirements.length > MAX_PEOPLE });
  });
}
