import type { TimelineEntry } from "@/server/queries/case-timeline";
import { formatDate, formatHoursAndMinutes } from "./format";
import {
  APPROVAL_KIND_LABEL,
  APPROVAL_STATUS_LABEL,
  BREACH_OUTCOME_LABEL,
  ENFORCEMENT_TYPE_LABEL,
  INCIDENT_TYPE_LABEL,
  LATE_START_REASON_LABEL,
  PLACEMENT_TYPE_LABEL,
  RATING_LABEL,
  REVIEW_KIND_LABEL,
  absenceReasonWords,
  outcomeWords,
} from "./labels";
import { Tag } from "./tag";

/** Plain text kept as typed (line breaks too); React escapes it, so it is never HTML. */
function PlainText({ text }: { text: string }) {
  return <p className="mb-2 whitespace-pre-wrap break-words">{text}</p>;
}

function Detail({ children }: { children: React.ReactNode }) {
  return <p className="mb-1 text-secondary">{children}</p>;
}

function SessionEntry({ entry, today }: { entry: Extract<TimelineEntry, { kind: "session" }>; today: string }) {
  const { attendance } = entry;
  const what = entry.placementType === "INDUCTION" ? "Induction" : PLACEMENT_TYPE_LABEL[entry.placementType];
  return (
    <>
      <h3 className="mb-1 text-xl">
        {what}: {entry.placementName}
      </h3>
      <Detail>
        {entry.startTime} to {entry.endTime} · {entry.regionName}
        {entry.retrospective ? " · entered from a paper register" : ""}
      </Detail>
      {entry.cancelled && <Tag colour="grey">Booking cancelled</Tag>}
      {!entry.cancelled &&
        !attendance &&
        (entry.date >= today ? <Tag colour="blue">Booked</Tag> : <Tag colour="orange">Outcome not recorded</Tag>)}
      {attendance && (
        <>
          <p className="mb-1 font-bold">{outcomeWords(attendance.outcome)}</p>
          {attendance.reasonCategory && <Detail>Reason: {absenceReasonWords(attendance.reasonCategory)}</Detail>}
          {attendance.minutesCredited > 0 && (
            <Detail>Credited: {formatHoursAndMinutes(attendance.minutesCredited)}</Detail>
          )}
          {attendance.workQuality && attendance.behaviour && (
            <Detail>
              Work quality: {RATING_LABEL[attendance.workQuality]} · Behaviour: {RATING_LABEL[attendance.behaviour]}
            </Detail>
          )}
          {attendance.awaitingApproval && <Tag colour="yellow">Waiting for a manager&apos;s decision</Tag>}
          {attendance.note && <PlainText text={attendance.note} />}
          {attendance.noteHidden && (
            <Detail>A sensitive note is recorded. Only managers and the case coordinator can read it.</Detail>
          )}
        </>
      )}
      {entry.lateStart && (
        <Detail>
          Started after the deadline
          {entry.lateStart.reason ? `: ${LATE_START_REASON_LABEL[entry.lateStart.reason]}` : ""}
          {entry.lateStart.note ? ` – ${entry.lateStart.note}` : ""}
        </Detail>
      )}
    </>
  );
}

function EntryBody({ entry, today }: { entry: TimelineEntry; today: string }) {
  switch (entry.kind) {
    case "session":
      return <SessionEntry entry={entry} today={today} />;
    case "ete":
      return (
        <>
          <h3 className="mb-1 text-xl">Education, training or employment credit</h3>
          <p className="mb-1">
            {entry.activity}
            {entry.provider ? ` with ${entry.provider}` : ""}
          </p>
          <Detail>Credited: {formatHoursAndMinutes(entry.minutes)}</Detail>
        </>
      );
    case "enforcement":
      return (
        <>
          <h3 className="mb-1 text-xl">{ENFORCEMENT_TYPE_LABEL[entry.type]}</h3>
          {entry.note && <PlainText text={entry.note} />}
        </>
      );
    case "court-outcome":
      return (
        <>
          <h3 className="mb-1 text-xl">{BREACH_OUTCOME_LABEL[entry.outcome]}</h3>
          {entry.newHoursOrdered !== null && <Detail>Hours ordered are now {entry.newHoursOrdered}.</Detail>}
        </>
      );
    case "extension":
      return (
        <>
          <h3 className="mb-1 text-xl">Court extended the end date to {formatDate(entry.newEndDate)}</h3>
          <Detail>{entry.court}</Detail>
          <PlainText text={entry.reason} />
        </>
      );
    case "review":
      return (
        <>
          <h3 className="mb-1 text-xl">{REVIEW_KIND_LABEL[entry.reviewKind]}</h3>
          {entry.completedOn ? (
            <Detail>Completed{entry.completedOn !== entry.dueOn ? ` (due ${formatDate(entry.dueOn)})` : ""}</Detail>
          ) : entry.dueOn < today ? (
            <Tag colour="red">Overdue</Tag>
          ) : (
            <Tag colour="blue">Due</Tag>
          )}
          {entry.note && <PlainText text={entry.note} />}
        </>
      );
    case "approval":
      return (
        <>
          <h3 className="mb-1 text-xl">Approval requested: {APPROVAL_KIND_LABEL[entry.approvalKind]}</h3>
          <p className="mb-1">
            <Tag colour={entry.status === "PENDING" ? "yellow" : entry.status === "APPROVED" ? "green" : "red"}>
              {APPROVAL_STATUS_LABEL[entry.status]}
            </Tag>
            {entry.decidedOn && <span className="ml-2 text-secondary">on {formatDate(entry.decidedOn)}</span>}
          </p>
          {entry.reason && <PlainText text={entry.reason} />}
          {entry.decisionNote && <PlainText text={`Decision: ${entry.decisionNote}`} />}
        </>
      );
    case "incident":
      return (
        <>
          <h3 className="mb-1 text-xl">Incident: {INCIDENT_TYPE_LABEL[entry.incidentType]}</h3>
          <Detail>
            At {entry.time} on a session at {entry.placementName}
          </Detail>
          <PlainText text={entry.description} />
        </>
      );
    case "note":
      return (
        <>
          <h3 className="mb-1 text-xl">
            Note{entry.author ? ` by ${entry.author}` : ""} {entry.sensitive && <Tag colour="purple">Sensitive</Tag>}
          </h3>
          <PlainText text={entry.body} />
        </>
      );
  }
}

/** The case's one timeline, newest first: sessions and attendance, credits, enforcement, court, reviews, approvals, incidents, notes. */
export function CaseTimeline({ entries, today }: { entries: TimelineEntry[]; today: string }) {
  if (entries.length === 0) return <p>Nothing has been recorded on this case yet.</p>;
  return (
    <ol className="m-0 list-none border-l-4 border-border p-0 pl-4">
      {entries.map((entry) => (
        <li key={entry.key} className="mb-6">
          <p className="mb-1 text-base font-bold text-secondary">
            <time dateTime={entry.date}>{formatDate(entry.date)}</time>
          </p>
          <EntryBody entry={entry} today={today} />
        </li>
      ))}
    </ol>
  );
}
