import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { loadWorkQueue } from "@/server/queries/work-queue";
import { formatDate, formatHoursShort, formatMinutes, formatNumber, formatShortDate } from "@/ui/format";
import { absenceReasonWords } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { RagTag, Tag } from "@/ui/tag";

export const metadata: Metadata = { title: "Work queue" };

type Person = { firstName: string; lastName: string; crn: string };

function CaseLink({ id, person }: { id: string; person: Person }) {
  return (
    <>
      <Link href={`/cases/${id}`}>
        {person.lastName}, {person.firstName}
      </Link>
      <span className="block text-base text-secondary">{person.crn}</span>
    </>
  );
}

function QueueSection(props: { id: string; title: string; description: string; total: number; shown: number; empty: string; columns: string[]; children: React.ReactNode }) {
  const { id, title, description, total, shown, empty, columns, children } = props;
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="text-2xl sm:text-[1.75rem]">
        {title} <span className="whitespace-nowrap text-secondary">({formatNumber(total)})</span>
      </h2>
      <p className="text-secondary">{description}</p>
      {total === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          <TableRegion label={title}>
            <table aria-labelledby={id} className="mb-2">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{children}</tbody>
            </table>
          </TableRegion>
          {total > shown && <p>and {formatNumber(total - shown)} more</p>}
        </>
      )}
    </section>
  );
}

function daysLeftWords(workingDaysLeft: number): string {
  if (workingDaysLeft === 0) return "Due today";
  const n = Math.abs(workingDaysLeft);
  const days = `${n} working ${n === 1 ? "day" : "days"}`;
  return workingDaysLeft > 0 ? `${days} left` : `Overdue by ${days}`;
}

export default async function WorkQueuePage() {
  const user = await requirePageUser(["COORDINATOR", "MANAGER"]);
  const queue = await loadWorkQueue(user);

  return (
    <>
      <PageHeading caption={`Today, ${formatDate(queue.asOf)}`}>Work queue</PageHeading>
      <p>Cases in your region that need something from you, most urgent first.</p>

      <QueueSection
        id="awaiting-assessment"
        title="New requirements awaiting assessment"
        description="The assessment must be complete before the first work session can be booked."
        total={queue.awaitingAssessment.total}
        shown={queue.awaitingAssessment.rows.length}
        empty="Every active requirement has a completed assessment."
        columns={["Name and CRN", "Sentenced", "Start deadline", "Assessment"]}
      >
        {queue.awaitingAssessment.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <CaseLink id={row.id} person={row.person} />
            </td>
            <td className="whitespace-nowrap">{formatShortDate(row.sentenceDate)}</td>
            <td className="whitespace-nowrap">{formatShortDate(row.startDeadline)}</td>
            <td>{row.assessmentStarted ? <Tag colour="yellow">In progress</Tag> : <Tag colour="grey">Not started</Tag>}</td>
          </tr>
        ))}
      </QueueSection>

      <QueueSection
        id="no-first-session"
        title="No first session booked"
        description={`Assessed but not started, with no session booked. Work should start within ${queue.policy.startWorkingDays} working days of sentence.`}
        total={queue.noFirstSession.total}
        shown={queue.noFirstSession.rows.length}
        empty="Everyone assessed has a first session booked or has started."
        columns={["Name and CRN", "Sentenced", "Start deadline", "Time left"]}
      >
        {queue.noFirstSession.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <CaseLink id={row.id} person={row.person} />
            </td>
            <td className="whitespace-nowrap">{formatShortDate(row.sentenceDate)}</td>
            <td className="whitespace-nowrap">{formatShortDate(row.startDeadline)}</td>
            <td>
              {row.workingDaysLeft < 0 ? (
                <Tag colour="red">{daysLeftWords(row.workingDaysLeft)}</Tag>
              ) : row.workingDaysLeft <= 3 ? (
                <Tag colour="orange">{daysLeftWords(row.workingDaysLeft)}</Tag>
              ) : (
                daysLeftWords(row.workingDaysLeft)
              )}
            </td>
          </tr>
        ))}
      </QueueSection>

      <QueueSection
        id="no-future-session"
        title="Active people with no future session booked"
        description="Started their hours but have nothing booked from today."
        total={queue.noFutureSession.total}
        shown={queue.noFutureSession.rows.length}
        empty="Everyone who has started has a session booked."
        columns={["Name and CRN", "Last attendance record", "Hours done"]}
      >
        {queue.noFutureSession.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <CaseLink id={row.id} person={row.person} />
            </td>
            <td className="whitespace-nowrap">{row.lastAttendance ? formatShortDate(row.lastAttendance) : "None"}</td>
            <td className="whitespace-nowrap">
              {formatHoursShort(row.minutesCredited)} of {row.hoursOrdered}h
            </td>
          </tr>
        ))}
      </QueueSection>

      <QueueSection
        id="nearing-end"
        title={`Within ${queue.policy.nearingEndWeeks} weeks of the end date with hours outstanding`}
        description="Including cases already past their end date. No hours can be worked after the end date unless the court extends the order."
        total={queue.nearingEnd.total}
        shown={queue.nearingEnd.rows.length}
        empty={`No active case is within ${queue.policy.nearingEndWeeks} weeks of its end date.`}
        columns={["Name and CRN", "End date", "Hours outstanding", "Rating"]}
      >
        {queue.nearingEnd.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <CaseLink id={row.id} person={row.person} />
            </td>
            <td className="whitespace-nowrap">
              {formatShortDate(row.effectiveEndDate)}
              {row.effectiveEndDate < queue.asOf && <span className="block text-base text-secondary">Passed</span>}
            </td>
            <td>{formatMinutes(row.outstandingMinutes)}</td>
            <td>
              <RagTag rag={row.rag} />
            </td>
          </tr>
        ))}
      </QueueSection>

      <QueueSection
        id="absences-awaiting-decision"
        title="Absences waiting for a decision"
        description="From the third accepted absence on a requirement, a manager must approve it. Until then it counts as unacceptable."
        total={queue.absences.total}
        shown={queue.absences.rows.length}
        empty="No absences are waiting for a decision."
        columns={["Name and CRN", "Absence on", "Reason given", "Waiting since"]}
      >
        {queue.absences.rows.map((row) => (
          <tr key={row.id}>
            <td>
              <CaseLink id={row.requirementId} person={row.person} />
            </td>
            <td className="whitespace-nowrap">{row.absenceDate ? formatShortDate(row.absenceDate) : "Not recorded"}</td>
            <td>{row.reason ? absenceReasonWords(row.reason) : "Not recorded"}</td>
            <td className="whitespace-nowrap">{formatShortDate(row.requestedOn)}</td>
          </tr>
        ))}
      </QueueSection>
    </>
  );
}
