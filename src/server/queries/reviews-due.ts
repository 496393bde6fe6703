import "server-only";
import {
  addCalendarMonths,
  addDays,
  isExtensionAppliedFor,
  isoDateFromUtcDate,
  mandatoryReviewsDue,
  policyOn,
  REVIEW_DUE_SOON_DAYS,
  todayInLondon,
  utcDateFromIsoDate,
  type IsoDate,
  type MandatoryReviewState,
} from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { pageOf, WORK_QUEUE_ROWS } from "./work-queue-paging";
import { loadReaderRuleCommencements } from "./requirement-facts";

// R3 on the work queue: the mandatory 6- and 9-month reviews of active cases that are overdue
// (due date passed, none recorded) or due within 14 days. The dates come from the domain
// (mandatoryReviewsDue), the same calendar months the dashboard's "reviews overdue" uses.

export async function loadReviewsDue(user: AppUser, asOf: IsoDate = todayInLondon(), page = 1) {
  const policy = policyOn(asOf, await loadReaderRuleCommencements());
  const firstMonths = Math.min(...policy.reviewMonths);
  // A case's first review can fall due in the window only if it was sentenced by this date.
  const sentencedBy = addCalendarMonths(addDays(asOf, REVIEW_DUE_SOON_DAYS), -firstMonths);
  const candidates = await db.requirement.findMany({
    where: {
      AND: [
        visibleRequirementsWhere(user),
        { status: "ACTIVE", sentenceDate: { lte: utcDateFromIsoDate(sentencedBy) } },
      ],
    },
    select: {
      id: true,
      sentenceDate: true,
      person: { select: { firstName: true, lastName: true, crn: true } },
      reviews: { where: { completedOn: { not: null, lte: utcDateFromIsoDate(asOf) } }, select: { kind: true } },
    },
  });
  const rows = candidates.flatMap((c) =>
    mandatoryReviewsDue({
      sentenceDate: isoDateFromUtcDate(c.sentenceDate),
      asOf,
      recordedTypes: c.reviews.map((r) => r.kind),
    }).map((due: MandatoryReviewState) => ({ id: c.id, person: c.person, ...due })),
  );
  rows.sort((a, b) =>
    a.state !== b.state
      ? a.state === "OVERDUE"
        ? -1
        : 1
      : a.dueOn < b.dueOn
        ? -1
        : a.dueOn > b.dueOn
          ? 1
          : a.id < b.id
            ? -1
            : 1,
  );
  const shown = pageOf(page, rows.length);
  return {
    total: rows.length,
    page: shown.page,
    pageCount: shown.pageCount,
    rows: rows.slice(shown.skip, shown.skip + WORK_QUEUE_ROWS),
  };
}

export type ReviewsDue = Awaited<ReturnType<typeof loadReviewsDue>>;

/** The review types recorded (completed) on a case the caller may see. */
export async function recordedReviewTypes(user: AppUser, requirementId: string) {
  const rows = await db.review.findMany({
    where: { requirementId, completedOn: { not: null }, requirement: visibleRequirementsWhere(user) },
    select: { kind: true },
  });
  return rows.map((r) => r.kind);
}

/** The case page's reviews: those recorded, the mandatory ones due or overdue, and "extension applied for". */
export async function loadCaseReviews(user: AppUser, requirementId: string, asOf: IsoDate) {
  const requirement = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: {
      status: true,
      sentenceDate: true,
      extensionAppliedOn: true,
      extensions: { select: { grantedOn: true } },
      reviews: {
        where: { completedOn: { not: null } },
        select: { id: true, kind: true, completedOn: true, outcome: true, note: true },
        orderBy: [{ completedOn: "desc" }, { id: "asc" }],
      },
    },
  });
  if (!requirement) return null;
  const recorded = requirement.reviews.map((r) => ({
    id: r.id,
    type: r.kind,
    date: isoDateFromUtcDate(r.completedOn ?? requirement.sentenceDate),
    outcome: r.outcome,
    note: r.note,
  }));
  const appliedOn = requirement.extensionAppliedOn ? isoDateFromUtcDate(requirement.extensionAppliedOn) : null;
  return {
    recorded,
    due:
      requirement.status === "ACTIVE"
        ? mandatoryReviewsDue({
            sentenceDate: isoDateFromUtcDate(requirement.sentenceDate),
            asOf,
            recordedTypes: recorded.map((r) => r.type),
          })
        : [],
    extensionAppliedOn: isExtensionAppliedFor(
      appliedOn,
      requirement.extensions.map((e) => ({ grantedOn: isoDateFromUtcDate(e.grantedOn) })),
    )
      ? appliedOn
      : null,
  };
}

export type CaseReviews = NonNullable<Awaited<ReturnType<typeof loadCaseReviews>>>;
