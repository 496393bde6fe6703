import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/current-user";
import { loadWorkQueue, WORK_QUEUE_LISTS, workQueueCaseIds, type WorkQueueList } from "@/server/queries/work-queue";
import { loadReviewsDue } from "@/server/queries/reviews-due";
import { recordView } from "@/server/view-audit";
import { ReviewsDueSection } from "./reviews-due-section";
import { formatDate, formatHoursShort, formatHoursAndMinutes, formatShortDate } from "@/ui/format";
import { absenceReasonWords, ENFORCEMENT_TYPE_DUE_LABEL, outcomeWords } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { QueueSection } from "@/ui/queue-section";
import { RagTag, Tag } from "@/ui/tag";
import { SchedulingSections } from "./scheduling-sections";

export const metadata: Metadata = { title: "Work queue" };

function daysLeftWords(workingDaysLeft: number): string {
  if (workingDaysLeft === 0) return "Due today";
  const n = Math.abs(workingDaysLeft);
  const days = `${n} working ${n === 1 ? "day" : "days"}`;
  return workingDaysLeft > 0 ? `${days} left` : `Overdue by ${days}`;
}

const SECTION_ID: Record<WorkQueueList, string> = {
  enforcementDue: "enforcement-due",
  awaitingAssessment: "awaiting-assessment",
  noFirstSession: "no-first-session",
  noFutureSession: "no-future-session",
  nearingEnd: "nearing-end",
  absences: "absences-awaiting-decision",
  reviewsDue: "reviews-due",
};

const pageNumber = (value: string | string[] | undefined) =>
  Math.max(1, Math.min(10_000, Number.parseInt(String(value ?? "1"), 10) || 1));

export default async function WorkQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("case.list");
  const query = await searchParams;
  // Each list has its own page (`?noFirstSessionPage=2`); the links keep the other lists' pages.
  const pages = Object.fromEntries(WORK_QUEUE_LISTS.map((list) => [list, pageNumber(query[`${list}Page`])])) as Record<
    WorkQueueList,
    number
  >;
  const queue = await loadWorkQueue(user, undefined, pages);
  const reviewsDue = await loadReviewsDue(user, queue.asOf, pages.reviewsDue);
  const otherPages = {
    ...Object.fromEntries(WORK_QUEUE_LISTS.map((list) => [`${list}Page`, pages[list]])),
    rebookPage: pageNumber(query.rebookPage),
    conflictPage: pageNumber(query.conflictPage),
  };
  const paging = (list: WorkQueueList, shown: { page: number; pageCount: number }) => ({
    page: shown.page,
    pageCount: shown.pageCount,
    hrefFor: (page: number) => {
      const params = new URLSearchParams(
        Object.entries({ ...otherPages, [`${list}Page`]: page })
          .filter(([, n]) => n > 1)
          .map(([k, n]) => [k, String(n)]),
      );
      const search = params.toString();
      return `/work-queue${search ? `?${search}` : ""}#${SECTION_ID[list]}`;
    },
  });
  await recordView(user, {
    view: "work-queue",
    requirementIds: [...new Set([...workQueueCaseIds(queue), ...reviewsDue.rows.map((row) => row.id)])],
    regionId: user.regionId,
  });
  const nearing = queue.policy.nearingEndWeeks;

  return (
    <>
      <PageHeading caption={`Today, ${formatDate(queue.asOf)}`}>Work queue</PageHeading>
      <p>Cases in your region that need something from you, most urgent first. Each row links to what clears it.</p>

      <SchedulingSections
        user={user}
        rebookPage={pageNumber(query.rebookPage)}
        conflictPage={pageNumber(query.conflictPage)}
      />

      <QueueSection
        id="enforcement-due"
        title="Failures to comply waiting for a warning or breach"
        description={`Each failure to comply needs a warning or breach (or to be corrected, if there was an acceptable reason) within ${queue.policy.enforcementDecisionWorkingDays} working days. Overdue first.`}
        total={queue.enforcementDue.total}
        empty="Every failure to comply has a warning or breach."
        columns={["Failure", "Act by", "Due"]}
        rows={queue.enforcementDue.rows.map((row) => ({
          key: row.attendanceId,
          caseId: row.caseId,
          person: row.person,
          cells: [
            <span key="f">
              <span className="whitespace-nowrap">{formatShortDate(row.failureDate)}</span>
              <span className="block text-base text-secondary">{outcomeWords(row.outcome)}</span>
            </span>,
            <span key="d">
              {row.timescale === "OVERDUE" ? (
                <Tag colour="red">Overdue since {formatShortDate(row.dueBy)}</Tag>
              ) : (
                <span className="whitespace-nowrap">{formatShortDate(row.dueBy)}</span>
              )}
              {row.respondBy && (
                <span className="block text-base text-secondary">
                  Asked to explain by {formatShortDate(row.respondBy)}
                </span>
              )}
            </span>,
            ENFORCEMENT_TYPE_DUE_LABEL[row.actionDue],
          ],
          action: {
            href: `/cases/${row.caseId}/enforcement/new?failure=${row.attendanceId}`,
            label: "Record a warning or breach",
          },
        }))}
        paging={paging("enforcementDue", queue.enforcementDue)}
      />

      <QueueSection
        id="awaiting-assessment"
        title="New requirements awaiting assessment or induction"
        description="The assessment must be complete before the first work session can be booked, and an induction should come before it."
        total={queue.awaitingAssessment.total}
        empty="Every new requirement has a completed assessment and an induction booked."
        columns={["Sentenced", "Start deadline", "Waiting for"]}
        rows={queue.awaitingAssessment.rows.map((row) => ({
          key: row.id,
          caseId: row.id,
          person: row.person,
          cells: [
            <span key="s" className="whitespace-nowrap">
              {formatShortDate(row.sentenceDate)}
            </span>,
            <span key="d" className={row.startDeadline ? "whitespace-nowrap" : undefined}>
              {row.startDeadline ? formatShortDate(row.startDeadline) : "Waiting for the previous order"}
            </span>,
            row.needs === "ASSESSMENT" ? (
              <Tag key="t" colour="yellow">
                Assessment
              </Tag>
            ) : (
              <Tag key="t" colour="blue">
                Induction
              </Tag>
            ),
          ],
          action:
            row.needs === "ASSESSMENT"
              ? { href: `/cases/${row.id}/assessment`, label: "Complete the assessment" }
              : { href: `/cases/${row.id}/allocate`, label: "Book an induction" },
        }))}
        paging={paging("awaitingAssessment", queue.awaitingAssessment)}
      />

      <QueueSection
        id="no-first-session"
        title="No first session booked"
        description={`Assessed but not started, with no work session booked, overdue first. Work should start within ${queue.policy.startWorkingDays} working days of sentence.`}
        total={queue.noFirstSession.total}
        empty="Everyone assessed has a first session booked or has started."
        columns={["Sentenced", "Start deadline", "Time left"]}
        rows={queue.noFirstSession.rows.map((row) => ({
          key: row.id,
          caseId: row.id,
          person: row.person,
          cells: [
            <span key="s" className="whitespace-nowrap">
              {formatShortDate(row.sentenceDate)}
            </span>,
            <span key="d" className="whitespace-nowrap">
              {formatShortDate(row.startDeadline)}
            </span>,
            row.workingDaysLeft < 0 ? (
              <Tag key="t" colour="red">
                {daysLeftWords(row.workingDaysLeft)}
              </Tag>
            ) : row.workingDaysLeft <= 3 ? (
              <Tag key="t" colour="orange">
                {daysLeftWords(row.workingDaysLeft)}
              </Tag>
            ) : (
              daysLeftWords(row.workingDaysLeft)
            ),
          ],
          action: { href: `/cases/${row.id}/allocate`, label: "Allocate" },
        }))}
        paging={paging("noFirstSession", queue.noFirstSession)}
      />

      <QueueSection
        id="no-future-session"
        title="Active people with no future session booked"
        description="Started their hours but have nothing booked from today."
        total={queue.noFutureSession.total}
        empty="Everyone who has started has a session booked."
        columns={["Last attendance record", "Hours done"]}
        rows={queue.noFutureSession.rows.map((row) => ({
          key: row.id,
          caseId: row.id,
          person: row.person,
          cells: [
            <span key="l" className="whitespace-nowrap">
              {row.lastAttendance ? formatShortDate(row.lastAttendance) : "None"}
            </span>,
            <span key="h" className="whitespace-nowrap">
              {formatHoursShort(row.minutesCredited)} of {row.hoursOrdered}h
            </span>,
          ],
          action: { href: `/cases/${row.id}/allocate`, label: "Allocate" },
        }))}
        paging={paging("noFutureSession", queue.noFutureSession)}
      />

      <QueueSection
        id="nearing-end"
        title={`Within ${nearing} weeks of the end date with hours outstanding`}
        description="Including cases already past their end date. No hours can be worked after the end date unless the court extends the order."
        total={queue.nearingEnd.total}
        empty={`No active case is within ${nearing} weeks of its end date.`}
        columns={["End date", "Hours outstanding", "Rating"]}
        rows={queue.nearingEnd.rows.map((row) => {
          const passed = row.effectiveEndDate < queue.asOf;
          return {
            key: row.id,
            caseId: row.id,
            person: row.person,
            cells: [
              <span key="e" className="whitespace-nowrap">
                {formatShortDate(row.effectiveEndDate)}
                {passed && <span className="block text-base text-secondary">Passed</span>}
              </span>,
              formatHoursAndMinutes(row.outstandingMinutes),
              <RagTag key="r" rag={row.rag} />,
            ],
            action: passed
              ? { href: `/cases/${row.id}/extension`, label: "Record an extension" }
              : { href: `/cases/${row.id}/allocate`, label: "Book more sessions" },
          };
        })}
        paging={paging("nearingEnd", queue.nearingEnd)}
      />

      <ReviewsDueSection reviews={reviewsDue} paging={paging("reviewsDue", reviewsDue)} />

      <QueueSection
        id="absences-awaiting-decision"
        title="Absences waiting for a decision"
        description="From the third accepted absence on a requirement, a manager must approve it. Until then it counts as unacceptable."
        total={queue.absences.total}
        empty="No absences are waiting for a decision."
        columns={["Absence on", "Reason given", "Waiting since"]}
        rows={queue.absences.rows.map((row) => ({
          key: row.id,
          caseId: row.requirementId,
          person: row.person,
          cells: [
            <span key="a" className="whitespace-nowrap">
              {row.absenceDate ? formatShortDate(row.absenceDate) : "Not recorded"}
            </span>,
            row.reason ? absenceReasonWords(row.reason) : "Not recorded",
            <span key="w" className="whitespace-nowrap">
              {formatShortDate(row.requestedOn)}
            </span>,
          ],
          // Only a regional manager decides; a coordinator sees the absence on the case.
          action:
            user.role === "MANAGER"
              ? { href: `/approvals/${row.id}`, label: "Decide" }
              : { href: `/cases/${row.requirementId}`, label: "See the absence" },
        }))}
        paging={paging("absences", queue.absences)}
      />
    </>
  );
}
