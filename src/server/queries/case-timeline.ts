import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type {
  ApprovalKind,
  ApprovalStatus,
  AttendanceOutcome,
  AbsenceReason,
  BreachOutcomeType,
  EnforcementType,
  IncidentType,
  LateStartReason,
  PlacementType,
  Rating,
  ReviewKind,
} from "@/generated/prisma/enums";
import { isoDateFromUtcDate, isoDateInLondon, type IsoDate } from "@/domain";
import { db } from "@/server/db/client";
import { londonDateAndTime } from "@/domain/london-time";

// The case page's timeline: what it reads of a case's history and how each record becomes a
// dated entry. The rest of the case page is in case-detail.ts.

const iso = isoDateFromUtcDate;
const onDay = isoDateInLondon;

/** One dated thing that happened on a case, for the case page's timeline (newest first). */
export type TimelineEntry = { key: string; date: IsoDate; at: string } & (
  | {
      kind: "session";
      placementName: string;
      /** Where the hour was worked: the placement's region (a transferred case keeps its history). */
      regionName: string;
      placementType: PlacementType;
      startTime: string;
      endTime: string;
      cancelled: boolean;
      retrospective: boolean;
      lateStart: { reason: LateStartReason | null; note: string | null } | null;
      attendance: {
        outcome: AttendanceOutcome;
        minutesCredited: number;
        reasonCategory: AbsenceReason | null;
        workQuality: Rating | null;
        behaviour: Rating | null;
        note: string | null;
        noteHidden: boolean;
        awaitingApproval: boolean;
      } | null;
    }
  | { kind: "ete"; minutes: number; activity: string; provider: string | null }
  | { kind: "enforcement"; type: EnforcementType; note: string | null }
  | { kind: "court-outcome"; outcome: BreachOutcomeType; newHoursOrdered: number | null }
  | { kind: "extension"; newEndDate: IsoDate; court: string; reason: string }
  | { kind: "review"; reviewKind: ReviewKind; dueOn: IsoDate; completedOn: IsoDate | null; note: string | null }
  | {
      kind: "approval";
      approvalKind: ApprovalKind;
      status: ApprovalStatus;
      reason: string | null;
      decidedOn: IsoDate | null;
      decisionNote: string | null;
    }
  | { kind: "note"; body: string; sensitive: boolean; author: string | null }
  | { kind: "incident"; incidentType: IncidentType; time: string; description: string; placementName: string }
);

/** What the timeline reads of one requirement; sensitive notes only for those who may see them. */
export function timelineSelect(seesSensitive: boolean) {
  return {
    allocations: {
      select: {
        id: true,
        sessionDate: true,
        createdAt: true,
        status: true,
        retrospective: true,
        lateStartReason: true,
        lateStartNote: true,
        session: {
          select: {
            startTime: true,
            endTime: true,
            placement: { select: { name: true, type: true, region: { select: { name: true } } } },
          },
        },
        attendance: {
          select: {
            outcome: true,
            minutesCredited: true,
            reasonCategory: true,
            workQuality: true,
            behaviour: true,
            note: true,
            noteSensitive: true,
            approvalState: true,
          },
        },
      },
    },
    eteCredits: {
      select: { id: true, date: true, createdAt: true, minutes: true, activity: true, provider: true },
    },
    enforcementActions: {
      select: {
        id: true,
        type: true,
        date: true,
        createdAt: true,
        note: true,
        outcomes: { select: { id: true, outcome: true, date: true, createdAt: true, newHoursOrdered: true } },
      },
    },
    extensions: {
      select: { id: true, grantedOn: true, createdAt: true, newEndDate: true, court: true, reason: true },
    },
    reviews: { select: { id: true, kind: true, dueOn: true, completedOn: true, createdAt: true, note: true } },
    approvals: {
      select: {
        id: true,
        kind: true,
        status: true,
        requestedAt: true,
        decidedAt: true,
        reason: true,
        decisionNote: true,
      },
    },
    incidents: {
      select: {
        id: true,
        type: true,
        occurredAt: true,
        description: true,
        session: { select: { placement: { select: { name: true } } } },
      },
    },
    notes: {
      where: seesSensitive ? {} : { sensitive: false },
      select: { id: true, body: true, sensitive: true, authorId: true, createdAt: true },
    },
  } satisfies Prisma.RequirementSelect;
}

type TimelineRows = Prisma.RequirementGetPayload<{ select: ReturnType<typeof timelineSelect> }>;

/** The case's history as timeline entries, newest first, with each note's author by name. */
export async function caseTimeline(requirement: TimelineRows, seesSensitive: boolean): Promise<TimelineEntry[]> {
  const authorIds = [...new Set(requirement.notes.flatMap((note) => (note.authorId ? [note.authorId] : [])))];
  const authors = await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } });
  const authorName = new Map(authors.map((author) => [author.id, author.name]));

  return [
    ...requirement.allocations.map((a): TimelineEntry => ({
      key: `allocation-${a.id}`,
      date: iso(a.sessionDate),
      at: a.session.startTime,
      kind: "session",
      placementName: a.session.placement.name,
      regionName: a.session.placement.region.name,
      placementType: a.session.placement.type,
      startTime: a.session.startTime,
      endTime: a.session.endTime,
      cancelled: a.status === "CANCELLED",
      retrospective: a.retrospective,
      lateStart: a.lateStartReason || a.lateStartNote ? { reason: a.lateStartReason, note: a.lateStartNote } : null,
      attendance: a.attendance && {
        outcome: a.attendance.outcome,
        minutesCredited: a.attendance.minutesCredited,
        reasonCategory: a.attendance.reasonCategory,
        workQuality: a.attendance.workQuality,
        behaviour: a.attendance.behaviour,
        note: a.attendance.noteSensitive && !seesSensitive ? null : a.attendance.note,
        noteHidden: a.attendance.noteSensitive && !seesSensitive && a.attendance.note !== null,
        awaitingApproval: a.attendance.approvalState === "PENDING",
      },
    })),
    ...requirement.eteCredits.map((c): TimelineEntry => ({
      key: `ete-${c.id}`,
      date: iso(c.date),
      at: c.createdAt.toISOString(),
      kind: "ete",
      minutes: c.minutes,
      activity: c.activity,
      provider: c.provider,
    })),
    ...requirement.enforcementActions.flatMap((action): TimelineEntry[] => [
      {
        key: `enforcement-${action.id}`,
        date: iso(action.date),
        at: action.createdAt.toISOString(),
        kind: "enforcement",
        type: action.type,
        note: action.note,
      },
      ...action.outcomes.map((o): TimelineEntry => ({
        key: `outcome-${o.id}`,
        date: iso(o.date),
        at: o.createdAt.toISOString(),
        kind: "court-outcome",
        outcome: o.outcome,
        newHoursOrdered: o.newHoursOrdered,
      })),
    ]),
    ...requirement.extensions.map((e): TimelineEntry => ({
      key: `extension-${e.id}`,
      date: iso(e.grantedOn),
      at: e.createdAt.toISOString(),
      kind: "extension",
      newEndDate: iso(e.newEndDate),
      court: e.court,
      reason: e.reason,
    })),
    ...requirement.reviews.map((r): TimelineEntry => ({
      key: `review-${r.id}`,
      date: iso(r.completedOn ?? r.dueOn),
      at: r.createdAt.toISOString(),
      kind: "review",
      reviewKind: r.kind,
      dueOn: iso(r.dueOn),
      completedOn: r.completedOn ? iso(r.completedOn) : null,
      note: r.note,
    })),
    ...requirement.approvals.map((a): TimelineEntry => ({
      key: `approval-${a.id}`,
      date: onDay(a.requestedAt),
      at: a.requestedAt.toISOString(),
      kind: "approval",
      approvalKind: a.kind,
      status: a.status,
      reason: a.reason,
      decidedOn: a.decidedAt ? onDay(a.decidedAt) : null,
      decisionNote: a.decisionNote,
    })),
    ...requirement.incidents.map((incident): TimelineEntry => {
      const when = londonDateAndTime(incident.occurredAt);
      return {
        key: `incident-${incident.id}`,
        date: when.date,
        at: incident.occurredAt.toISOString(),
        kind: "incident",
        incidentType: incident.type,
        time: when.time,
        description: incident.description,
        placementName: incident.session.placement.name,
      };
    }),
    ...requirement.notes.map((n): TimelineEntry => ({
      key: `note-${n.id}`,
      date: onDay(n.createdAt),
      at: n.createdAt.toISOString(),
      kind: "note",
      body: n.body,
      sensitive: n.sensitive,
      author: n.authorId ? (authorName.get(n.authorId) ?? null) : null,
    })),
  ].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
