import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DAY_PARTS, formatDateWithDay, isIsoDate, isOverridableOnRequest, todayInLondon, WEEKDAY_KEYS } from "@/domain";
import { placesInWords, SESSION_CHOICES_PER_PAGE } from "@/domain/session-choice";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { explainBooking } from "@/server/services/allocations/explain-booking";
import {
  suggestSessions,
  SUGGESTION_WINDOW_DAYS,
  type SessionChoice,
} from "@/server/services/allocations/suggest-sessions";
import { expectOk } from "@/server/services/result";
import { AllocationExplanation, StandingTag } from "@/ui/allocation-explanation";
import { CheckboxGroup, DateField, SelectField } from "@/ui/form";
import { formatDate, formatHoursAndMinutes } from "@/ui/format";
import { APPROVAL_STATUS_LABEL, PLACEMENT_TYPE_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { SummaryList } from "@/ui/summary-list";
import { BookingForm } from "./booking-form";
import { OverrideRequestForm } from "./override-request-form";

export const metadata: Metadata = { title: "Allocate to a session" };

const oneOrMany = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const searchSchema = z.object({
  session: z.uuid().optional().catch(undefined),
  series: z.literal("1").optional().catch(undefined),
  from: z.literal("session").optional().catch(undefined),
  on: z.string().refine(isIsoDate).optional().catch(undefined),
  // The list's filters (a bad value is ignored, not an error page).
  start: z.string().refine(isIsoDate).optional().catch(undefined),
  end: z.string().refine(isIsoDate).optional().catch(undefined),
  placement: z.uuid().optional().catch(undefined),
  day: z.preprocess(oneOrMany, z.array(z.enum(WEEKDAY_KEYS))).catch([]),
  part: z.preprocess(oneOrMany, z.array(z.enum(DAY_PARTS))).catch([]),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

const DAY_LABEL: Record<(typeof WEEKDAY_KEYS)[number], string> = {
  MON: "Monday",
  TUE: "Tuesday",
  WED: "Wednesday",
  THU: "Thursday",
  FRI: "Friday",
  SAT: "Saturday",
  SUN: "Sunday",
};
const DAY_ORDER = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
const PART_LABEL: Record<(typeof DAY_PARTS)[number], string> = {
  AM: "Morning (before 12:00)",
  PM: "Afternoon (12:00 to 17:00)",
  EVE: "Evening (after 17:00)",
};

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AllocatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Search;
}) {
  const user = await requirePageUser("allocation.create");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const search = searchSchema.parse(await searchParams);
  if (search.session) {
    return (
      <BookOneSession
        caseId={id.data}
        sessionId={search.session}
        series={search.series === "1"}
        fromSession={search.from === "session"}
        isManager={user.role === "MANAGER"}
      />
    );
  }

  const result = expectOk(
    await orNotFound(
      suggestSessions(user, {
        caseId: id.data,
        on: search.on,
        from: search.start,
        to: search.end,
        placementId: search.placement,
        days: search.day,
        parts: search.part,
        page: search.page,
      }),
    ),
  );
  const { case: person, choices } = result;
  const today = todayInLondon();
  // An incomplete assessment (or a finished requirement) stops every booking: the service says it once, not on every session.
  const caseLevel = result.caseRefusals;
  const filtered = Boolean(search.start || search.end || search.placement || search.day.length || search.part.length);
  const hrefFor = (page: number) => {
    const query = new URLSearchParams();
    if (search.on) query.set("on", search.on);
    if (search.start) query.set("start", search.start);
    if (search.end) query.set("end", search.end);
    if (search.placement) query.set("placement", search.placement);
    for (const day of search.day) query.append("day", day);
    for (const part of search.part) query.append("part", part);
    query.set("page", String(page));
    return `/cases/${person.id}/allocate?${query.toString()}`;
  };
  return (
    <>
      <p className="mb-6">
        <Link href={`/cases/${person.id}`}>Back to the case</Link>
      </p>
      <PageHeading caption={`${person.firstName} ${person.lastName}, CRN ${person.crn}`}>
        Allocate to a session
      </PageHeading>
      <SummaryList
        rows={[
          {
            key: "Start deadline",
            value: person.commencedOn
              ? `Started on ${formatDate(person.commencedOn)}`
              : person.startDeadline
                ? formatDate(person.startDeadline)
                : "Waiting for the previous order to finish",
          },
          { key: "Hours left", value: formatHoursAndMinutes(person.outstandingMinutes) },
          { key: "End date", value: formatDate(person.effectiveEndDate) },
        ]}
      />
      {!result.retrospective && (
        <form method="get" className="mb-8 max-w-3xl bg-panel p-4" role="search" aria-label="Filter sessions">
          <h2 className="text-xl">Filter sessions</h2>
          <div className="flex flex-wrap gap-x-6">
            <DateField name="start" label="From" defaultValue={result.from} />
            <DateField name="end" label="To" hint="Up to a year at a time" defaultValue={result.to} />
          </div>
          <SelectField
            name="placement"
            label="Placement"
            placeholder="Any placement"
            options={result.placements.map((p) => ({ value: p.id, label: p.name }))}
            defaultValue={search.placement ?? ""}
          />
          <CheckboxGroup
            name="day"
            legend="Days of the week"
            hint="Leave all unticked for any day"
            inline
            choices={DAY_ORDER.map((d) => ({ value: d, label: DAY_LABEL[d] }))}
            defaultValues={search.day}
          />
          <CheckboxGroup
            name="part"
            legend="Part of the day"
            hint="Sessions that take in any of the ticked parts"
            choices={DAY_PARTS.map((p) => ({ value: p, label: PART_LABEL[p] }))}
            defaultValues={search.part}
          />
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="button mb-0">
              Show sessions
            </button>
            {filtered && <Link href={`/cases/${person.id}/allocate`}>Clear the filters</Link>}
          </div>
        </form>
      )}
      <h2 className="text-2xl">
        {result.retrospective
          ? `Sessions on ${formatDate(result.from)} (paper register)`
          : filtered
            ? `Sessions from ${formatDate(result.from)} to ${formatDate(result.to)}`
            : `Sessions in the next ${SUGGESTION_WINDOW_DAYS / 7} weeks`}
      </h2>
      {caseLevel.length === 0 && result.total > 0 && (
        <p aria-live="polite">
          {result.total} {result.total === 1 ? "session matches" : "sessions match"}
          {result.pageCount > 1
            ? `; page ${result.page} of ${result.pageCount}, ${SESSION_CHOICES_PER_PAGE} at a time in date order`
            : ""}
          .
        </p>
      )}
      <p className="max-w-3xl text-secondary">
        Best first{result.pageCount > 1 ? " on each page" : ""}: sessions that can be booked now, then those that fit
        the person&apos;s availability, an induction first for someone who has not had one, the earliest (to start
        before the deadline), and those with the most free places. Sessions that cannot be booked are listed too, with
        the reasons. Distance is not taken into account.
      </p>
      {caseLevel.length > 0 ? (
        <div className="mb-6 border-l-8 border-red-700 pl-4" role="region" aria-label="Why no session can be booked">
          <p className="font-bold">No session can be booked for this person yet.</p>
          {caseLevel.map((r) => (
            <p key={r.code}>{r.message}</p>
          ))}
          {caseLevel.some((r) => r.code === "ASSESSMENT_INCOMPLETE") && (
            <p>
              <Link href={`/cases/${person.id}/assessment`}>Complete the assessment</Link>
            </p>
          )}
        </div>
      ) : choices.length === 0 ? (
        <p>
          There are no scheduled sessions in your region{" "}
          {result.retrospective ? "on that day" : filtered ? "that match the filters" : "in the next 4 weeks"}.
        </p>
      ) : (
        <ol className="list-none p-0">
          {choices.map((choice) => (
            <SessionChoiceCard key={choice.id} caseId={person.id} choice={choice} />
          ))}
        </ol>
      )}
      {caseLevel.length === 0 && <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />}

      <section aria-labelledby="paper-register" className="mt-10">
        <h2 id="paper-register" className="text-2xl">
          Enter a past session from a paper register
        </h2>
        <form method="get" className="max-w-md">
          <DateField
            name="on"
            label="Date of the session"
            hint="A retrospective booking is recorded as such in the audit trail."
            max={today}
            defaultValue={result.retrospective ? result.from : ""}
          />
          <button type="submit" className="button button-secondary">
            Show sessions on that day
          </button>
        </form>
      </section>
    </>
  );
}

function SessionChoiceCard({ caseId, choice }: { caseId: string; choice: SessionChoice }) {
  const headingId = `session-${choice.id}`;
  return (
    <li className="summary-card mb-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-1 text-xl">
        {formatDateWithDay(choice.date)}, {choice.startTime} to {choice.endTime}: {choice.placementName}
      </h3>
      <p className="mb-2 text-secondary">
        {PLACEMENT_TYPE_LABEL[choice.placementType]}
        {choice.address ? ` · ${choice.address}` : ""} · {placesInWords(choice)}
      </p>
      <p className="mb-2">
        <StandingTag standing={choice.standing} />
      </p>
      <AllocationExplanation refusals={choice.refusals} warnings={choice.warnings} />
      {choice.standing !== "BLOCKED" && (
        <p className="mb-0 mt-3">
          <Link href={`/cases/${caseId}/allocate?session=${choice.id}`} className="font-bold">
            {choice.standing === "BOOKABLE" ? "Book" : "Record the details and book"}
            <span className="sr-only">
              {" "}
              {choice.placementName} on {formatDate(choice.date)}
            </span>
          </Link>
        </p>
      )}
    </li>
  );
}

async function BookOneSession(props: {
  caseId: string;
  sessionId: string;
  series: boolean;
  fromSession: boolean;
  isManager: boolean;
}) {
  const user = await requirePageUser("allocation.create");
  const result = expectOk(await orNotFound(explainBooking(user, { caseId: props.caseId, sessionId: props.sessionId })));
  const { case: person, session } = result;
  const codes = session.refusals.map((r) => r.code);
  const series = props.series && session.seriesId !== null && result.futureSessionsInSeries > 0;
  const back = props.fromSession
    ? { href: `/sessions/${session.id}/add-people`, words: "Back to add people" }
    : { href: `/cases/${person.id}/allocate`, words: "Back to sessions" };
  return (
    <>
      <p className="mb-6">
        <Link href={back.href}>{back.words}</Link>
      </p>
      <PageHeading caption={`${person.firstName} ${person.lastName}, CRN ${person.crn}`}>
        {series ? "Book every week of this series" : "Book this session"}
      </PageHeading>
      <SummaryList
        rows={[
          { key: "Placement", value: `${session.placementName} (${PLACEMENT_TYPE_LABEL[session.placementType]})` },
          {
            key: series ? "First date" : "Date",
            value: `${formatDateWithDay(session.date)}, ${session.startTime} to ${session.endTime}`,
          },
          ...(series
            ? [
                {
                  key: "Sessions to book",
                  value: `Every future session of the weekly series (${result.futureSessionsInSeries})`,
                },
              ]
            : []),
          { key: "Address", value: session.address ?? "Not recorded" },
          ...(session.pickUpPoint
            ? [
                {
                  key: "Pick-up",
                  value: `${session.pickUpPoint}${session.pickUpTime ? ` at ${session.pickUpTime}` : ""}`,
                },
              ]
            : []),
          { key: "Places", value: placesInWords(session) },
        ]}
      />
      <h2 className="text-2xl">Before you book</h2>
      <div className="mb-6">
        <p className="mb-2">
          <StandingTag standing={session.standing} />
        </p>
        <AllocationExplanation refusals={session.refusals} warnings={session.warnings} />
        {series && (
          <p className="mt-2">
            Each session of the series is checked in the same way when you book; any that cannot be booked are listed
            afterwards.
          </p>
        )}
      </div>
      {result.overrideRequests.length > 0 && (
        <section aria-labelledby="override-requests" className="mb-6">
          <h2 id="override-requests" className="text-xl">
            Requests to a manager
          </h2>
          <ul className="list-none p-0">
            {result.overrideRequests.map((request) => (
              <li key={request.id} className="mb-3 border-l-4 border-secondary pl-3">
                <p className="mb-1 font-bold">{APPROVAL_STATUS_LABEL[request.status]}</p>
                {request.reason && <p className="mb-1 whitespace-pre-line">Your reason: {request.reason}</p>}
                {request.status === "REJECTED" && (
                  <p className="mb-0 whitespace-pre-line">
                    Manager&apos;s reason: {request.decisionNote ?? "None given"}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {session.standing === "BLOCKED" ? (
        <>
          <p>
            This session cannot be booked for {person.firstName} {person.lastName}.{" "}
            <Link href={back.href}>Choose another session</Link>.
          </p>
          {session.refusals.every((r) => isOverridableOnRequest(r.code)) &&
            !result.overrideRequests.some((r) => r.status === "PENDING") && (
              <section aria-labelledby="ask-override" className="mt-6">
                <h2 id="ask-override" className="text-xl">
                  Ask a manager to override
                </h2>
                <OverrideRequestForm caseId={person.id} sessionId={session.id} />
              </section>
            )}
        </>
      ) : (
        <>
          <BookingForm
            mode={series ? "series" : props.fromSession ? "session" : "case"}
            caseId={person.id}
            sessionId={session.id}
            seriesId={session.seriesId}
            retrospective={codes.includes("SESSION_IN_PAST") || session.date < todayInLondon()}
            asks={{
              lateStartReason: codes.includes("LATE_START_REASON_REQUIRED"),
              consent: codes.includes("LONE_WOMAN_CONSENT_REQUIRED"),
              override: props.isManager && (codes.includes("RISK_CONFLICT") || codes.includes("APPROVAL_REQUIRED")),
            }}
            submitLabel={series ? `Book all ${result.futureSessionsInSeries} sessions` : "Book this session"}
          />
          {!series && session.seriesId && result.futureSessionsInSeries > 1 && (
            <p>
              <Link
                href={`/cases/${person.id}/allocate?session=${session.id}&series=1${props.fromSession ? "&from=session" : ""}`}
              >
                Book every week of this series instead ({result.futureSessionsInSeries} sessions)
              </Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
