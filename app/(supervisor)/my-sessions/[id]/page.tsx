import type { Metadata } from "next";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { findSupervisorRoster, type SupervisorRoster } from "@/server/queries/supervisor-roster";
import { recordView } from "@/server/view-audit";
import { isoDateInLondon, todayInLondon } from "@/domain/dates";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import { Tag } from "@/ui/tag";
import { formatHoursAndMinutes, formatWeekdayDate } from "@/ui/format";
import { INCIDENT_TYPE_LABEL, PLACEMENT_FEATURE_LABEL, ROSH_LABEL, SESSION_STATUS_LABEL } from "@/ui/labels";
import { AttendanceRecorder } from "./attendance-recorder";
import { CloseSessionButton, MarkAllPresent, ReopenSession, WaitingIncidents } from "./roster-controls";
import { OutboxStatus, RecordStateTag } from "@/ui/offline/outbox-status";
import { OUTCOME_INFO } from "@/domain/attendance-outcomes";

export const metadata: Metadata = { title: "Session roster" };

type Person = SupervisorRoster["people"][number];

/** Risk of serious harm in words (the assessment's definitions), so a level is never just a word. */
const ROSH_MEANING: Record<keyof typeof ROSH_LABEL, string> = {
  LOW: "No current signs that they will cause serious harm.",
  MEDIUM:
    "There are signs they could cause serious harm, but they are unlikely to unless their circumstances change (for example losing their home or job, or drinking or drug use).",
  HIGH: "They could cause serious harm at any time, and the harm would be serious. Follow the guidance below closely and phone the office if anything worries you.",
  VERY_HIGH:
    "Serious harm is likely to happen soon and would be serious. Follow the guidance below exactly and phone the office straight away if anything worries you.",
};

/** At the top of the roster: everyone booked, what is recorded for them, and a link to their card. */
function Register({ roster }: { roster: SupervisorRoster }) {
  return (
    <nav aria-labelledby="register-heading" className="mb-6">
      <h2 id="register-heading">Register</h2>
      <ul className="m-0 list-none p-0">
        {roster.people.map((person) => (
          <li key={person.allocationId} className="border-b border-border py-1">
            <a href={`#person-${person.allocationId}`} className="inline-block min-h-11 py-2 font-bold">
              {person.name}
            </a>{" "}
            <span>{person.attendance ? OUTCOME_INFO[person.attendance.outcome].label : "Not recorded yet"}</span>{" "}
            <RecordStateTag sessionId={roster.id} caseId={person.requirementId} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

const featureList = (features: readonly (keyof typeof PLACEMENT_FEATURE_LABEL)[]) =>
  features.map((feature) => PLACEMENT_FEATURE_LABEL[feature].toLowerCase()).join(", ");

function RiskCodes({ person }: { person: Person }) {
  if (person.riskCodes.length === 0) return <p>No risk codes recorded.</p>;
  return (
    <ul className="m-0 mb-4 list-none p-0">
      {person.riskCodes.map((riskCode) => (
        <li
          key={riskCode.code}
          className={`mb-3 border-l-[5px] py-1 pl-3 ${riskCode.relevantHere.length > 0 ? "border-error" : "border-border"}`}
        >
          <p className="mb-1 font-bold">
            {riskCode.title} <span className="font-normal text-secondary">({riskCode.code})</span>
          </p>
          {riskCode.relevantHere.length > 0 && (
            <p className="mb-1 font-bold text-error">
              <span aria-hidden="true">⚠ </span>Relevant to this placement: {featureList(riskCode.relevantHere)}
            </p>
          )}
          <p className="mb-1 whitespace-pre-line">
            <span className="font-bold">What to do: </span>
            {riskCode.guidance}
          </p>
          {riskCode.note && <p className="mb-1 whitespace-pre-line">Note: {riskCode.note}</p>}
        </li>
      ))}
    </ul>
  );
}

/** At the top of the roster: who has a risk relevant to this placement, linked to their card. */
function RelevantRiskSummary({ people }: { people: Person[] }) {
  const flagged = people.filter((person) => person.riskCodes.some((riskCode) => riskCode.relevantHere.length > 0));
  if (flagged.length === 0) return null;
  return (
    <div className="mb-6 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2">
      <p className="mb-1 font-bold">
        <span aria-hidden="true">⚠ </span>
        {flagged.length === 1 ? "1 person has" : `${flagged.length} people have`} a risk relevant to this placement:
      </p>
      <ul className="m-0 list-none p-0">
        {flagged.map((person) => (
          <li key={person.allocationId}>
            <a href={`#person-${person.allocationId}`} className="inline-block min-h-11 py-2 text-link-hover">
              {person.name}:{" "}
              {person.riskCodes
                .filter((riskCode) => riskCode.relevantHere.length > 0)
                .map((riskCode) => riskCode.title.toLowerCase())
                .join(", ")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PersonCard({ person, roster, recording }: { person: Person; roster: SupervisorRoster; recording: boolean }) {
  const headingId = `person-${person.allocationId}`;
  return (
    <li className="summary-card mb-6">
      <section aria-labelledby={headingId}>
        <h3 id={headingId} className="mb-1">
          {person.name}
        </h3>
        <p className="mb-3 text-secondary">CRN {person.crn}</p>
        <p className="mb-1">
          <span className="font-bold">Risk of serious harm: </span>
          {person.rosh ? ROSH_LABEL[person.rosh] : "Not assessed"}
        </p>
        <p className="mb-3">
          {person.rosh
            ? ROSH_MEANING[person.rosh]
            : "Their risk of serious harm has not been assessed yet. Ask the office before the session."}
        </p>
        {person.hours && (
          <p className="mb-3" data-testid="roster-hours">
            <span className="font-bold">Hours required now: </span>
            {formatHoursAndMinutes(person.hours.requiredMinutes)},{" "}
            {formatHoursAndMinutes(person.hours.outstandingMinutes)} left
            {person.hours.earnedReduction && person.hours.earnedReduction.status === "QUALIFIED" && (
              <span className="block">
                Earned reduction: {formatHoursAndMinutes(person.hours.earnedReduction.currentMinutes)} so far, up to{" "}
                {formatHoursAndMinutes(person.hours.earnedReduction.projectedMinutes)}
                {person.hours.earnedReduction.appliedMinutes > 0
                  ? " (confirmed)"
                  : " (not yet confirmed by the office)"}
              </span>
            )}
          </p>
        )}
        <h4 className="mb-2 font-bold">Risks and what to do</h4>
        <RiskCodes person={person} />
        <h4 className="mb-2 font-bold">Reasonable adjustments</h4>
        <p className="whitespace-pre-line">{person.adjustments || "None recorded."}</p>
        <h4 className="mb-2 font-bold">If you need the office</h4>
        {person.contact ? (
          <p>
            Phone {person.contact.name} on{" "}
            <a href={`tel:${person.contact.phone.replace(/[^\d+]/g, "")}`} className="inline-block min-h-11 py-2">
              {person.contact.phone}
            </a>
          </p>
        ) : (
          <p>No coordinator phone number is recorded. Phone your unpaid work office on its usual number.</p>
        )}
        <AttendanceRecorder
          sessionId={roster.id}
          caseId={person.requirementId}
          name={person.name}
          session={{ startTime: roster.startTime, endTime: roster.endTime }}
          initial={person.attendance}
          editable={recording}
        />
      </section>
    </li>
  );
}

function Incidents({ roster }: { roster: SupervisorRoster }) {
  return (
    <section aria-labelledby="incidents-heading" className="mb-8">
      <h2 id="incidents-heading">Incidents</h2>
      <WaitingIncidents sessionId={roster.id} savedIds={roster.incidents.map((incident) => incident.id)} />
      {roster.incidents.length === 0 ? (
        <p>No incidents saved on this session yet.</p>
      ) : (
        <ul className="m-0 mb-4 list-none p-0">
          {roster.incidents.map((incident) => (
            <li key={incident.id} className="mb-3 border-l-[5px] border-border pl-3">
              <p className="mb-1 font-bold">
                {incident.time} · {INCIDENT_TYPE_LABEL[incident.type]}
                {incident.personName ? ` · ${incident.personName}` : ""}
              </p>
              <p className="mb-0 whitespace-pre-wrap break-words">{incident.description}</p>
            </li>
          ))}
        </ul>
      )}
      {roster.status !== "CANCELLED" && (
        <a href={`/my-sessions/${roster.id}/incidents/new`} className="button button-secondary no-underline">
          Record an incident
        </a>
      )}
    </section>
  );
}

/** A session's roster for its supervisor, with the risk information needed on site (each view is audited). */
export default async function SessionRosterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("session.run");
  const { id } = await params;
  const roster = await orNotFound(findSupervisorRoster(user, id));
  await recordView(user, {
    view: "my-session-roster",
    recordId: roster.id,
    requirementIds: roster.people.map((p) => p.requirementId),
    regionId: roster.placement.regionId,
  });
  const { placement } = roster;
  const address = [placement.address, placement.postcode].filter(Boolean).join(", ");
  // Attendance is recorded on the day or after, until the session is closed (R7: no attended outcome before the day).
  const recording = roster.status === "SCHEDULED" && roster.date <= todayInLondon();
  const people = roster.people.map((person) => ({
    caseId: person.requirementId,
    name: person.name,
    initial: person.attendance,
  }));
  // The supervisor may reopen a session they closed on the day they closed it (the server decides).
  const reopenable =
    roster.status === "CLOSED" && roster.closedAt !== null && isoDateInLondon(roster.closedAt) === todayInLondon();

  return (
    <>
      <p className="mb-4">
        {/* A plain link on purpose: next/link's router code is kept off the supervisor's phone (main-nav.tsx). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/my-sessions" className="inline-block min-h-11 py-2">
          Back to my sessions
        </a>
      </p>
      <PageHeading caption={formatWeekdayDate(roster.date)}>{placement.name}</PageHeading>
      {roster.status !== "SCHEDULED" && (
        <p>
          <Tag colour={roster.status === "CANCELLED" ? "red" : "grey"}>{SESSION_STATUS_LABEL[roster.status]}</Tag>
        </p>
      )}
      <SummaryList
        rows={[
          { key: "Time", value: `${roster.startTime} to ${roster.endTime}` },
          { key: "Where", value: address || "No address recorded" },
          ...(roster.pickUpPoint
            ? [{ key: "Pick-up", value: `${roster.pickUpPoint}${roster.pickUpTime ? ` at ${roster.pickUpTime}` : ""}` }]
            : []),
          {
            key: "This placement has",
            value: placement.features.length > 0 ? featureList(placement.features) : "No features recorded",
          },
          ...(placement.whatToBring ? [{ key: "What to wear and bring", value: placement.whatToBring }] : []),
          { key: "Booked", value: `${roster.bookedCount} (places for ${roster.capacity})` },
        ]}
      />

      {roster.status === "CLOSED" && (
        <p className="mb-6 border-l-[5px] border-success bg-[#e6f2ec] px-3 py-2 font-bold">
          {reopenable
            ? "This session is closed. You can reopen it today to correct its attendance."
            : "This session is closed. To correct its attendance, phone the office."}
        </p>
      )}
      {reopenable && <ReopenSession sessionId={roster.id} version={roster.version} />}
      {roster.status === "CLOSED" && <OutboxStatus sessionId={roster.id} />}
      {roster.status === "SCHEDULED" && !recording && <p>You can record attendance on the day of the session.</p>}

      {recording && <OutboxStatus sessionId={roster.id} />}

      {roster.people.length > 0 && <Register roster={roster} />}
      <h2>Who is booked</h2>
      <RelevantRiskSummary people={roster.people} />
      {recording && roster.people.length > 0 && (
        <div className="mb-6 border-l-[5px] border-link bg-panel px-3 py-3">
          <p className="mb-2">
            For everyone not yet recorded: attended and complied, {roster.startTime} to {roster.endTime}, work and
            behaviour satisfactory. Then change anyone whose day was different.
          </p>
          <MarkAllPresent sessionId={roster.id} startTime={roster.startTime} endTime={roster.endTime} people={people} />
        </div>
      )}
      {roster.people.length === 0 && roster.restrictedNotShown === 0 && <p>Nobody is booked on this session yet.</p>}
      {roster.people.length > 0 && (
        <ul className="m-0 list-none p-0">
          {roster.people.map((person) => (
            <PersonCard key={person.allocationId} person={person} roster={roster} recording={recording} />
          ))}
        </ul>
      )}
      {roster.restrictedNotShown > 0 && (
        <p>
          {roster.restrictedNotShown === 1 ? "1 more person is" : `${roster.restrictedNotShown} more people are`} booked
          on a restricted case. Your coordinator will tell you what you need to know, and the office records their
          attendance.
        </p>
      )}
      <Incidents roster={roster} />
      {recording && (
        <section aria-labelledby="close-heading" className="mb-8">
          <h2 id="close-heading">Close the session</h2>
          <p>
            When everyone&apos;s attendance is recorded, close the session. The office then sees it as done. You can
            reopen it today if you find a mistake.
          </p>
          <CloseSessionButton
            sessionId={roster.id}
            version={roster.version}
            people={people}
            session={{ startTime: roster.startTime, endTime: roster.endTime }}
          />
        </section>
      )}
    </>
  );
}
