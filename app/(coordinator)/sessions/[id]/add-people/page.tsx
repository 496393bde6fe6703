import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDateWithDay } from "@/domain";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { plainText } from "@/server/input/plain-text";
import { suggestPeopleForSession } from "@/server/services/allocations/suggest-people";
import { expectOk } from "@/server/services/result";
import { AllocationExplanation, StandingTag } from "@/ui/allocation-explanation";
import { placesInWords } from "@/domain/session-choice";
import { formatDate } from "@/ui/format";
import { PLACEMENT_TYPE_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { BookPeopleForm } from "./book-people-form";

export const metadata: Metadata = { title: "Add people to a session" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AddPeoplePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Search;
}) {
  const user = await requirePageUser("allocation.create");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const q = plainText
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .parse((await searchParams).q);
  const { session, people, truncated } = expectOk(
    await orNotFound(suggestPeopleForSession(user, { sessionId: id.data, q })),
  );
  const firstBookable = people.find((p) => p.standing === "BOOKABLE")?.caseId;

  return (
    <>
      <p className="mb-6">
        <Link href={`/sessions/${session.id}`}>Back to the session</Link>
      </p>
      <PageHeading
        caption={`${session.placementName}, ${formatDateWithDay(session.date)}, ${session.startTime} to ${session.endTime}`}
      >
        Add people
      </PageHeading>
      <p>
        {PLACEMENT_TYPE_LABEL[session.placementType]} · {placesInWords(session)}, {session.freePlaces} free
      </p>
      <form method="get" className="mb-8 max-w-xl bg-panel p-4" role="search" aria-label="Find people to add">
        <label htmlFor="q" className="label">
          Name or CRN
        </label>
        <div className="hint" id="q-hint">
          Active cases in your region with a completed assessment, not already on this session.
        </div>
        <div className="flex gap-2">
          <input
            id="q"
            name="q"
            className="input"
            defaultValue={q ?? ""}
            aria-describedby="q-hint"
            autoComplete="off"
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      <h2 className="text-2xl">{q ? `People matching “${q}”` : "People waiting longest first"}</h2>
      {people.length === 0 ? (
        <p>No one found.</p>
      ) : (
        <BookPeopleForm sessionId={session.id} canSubmit={firstBookable !== undefined}>
          <p className="max-w-3xl">
            Choose everyone who can be booked as they are, then book them in one go. Each person is checked again when
            you book; anyone who cannot be booked is named with the reason.
          </p>
          <ul className="list-none p-0">
            {people.map((person) => {
              const headingId = `person-${person.caseId}`;
              const boxId = person.caseId === firstBookable ? "caseId" : `caseId-${person.caseId}`;
              return (
                <li key={person.caseId} className="summary-card mb-4" aria-labelledby={headingId}>
                  <h3 id={headingId} className="mb-1 text-xl">
                    {person.lastName}, {person.firstName}{" "}
                    <span className="font-normal text-secondary">({person.crn})</span>
                  </h3>
                  <p className="mb-2 text-secondary">
                    {person.commencedOn
                      ? `Started on ${formatDate(person.commencedOn)}`
                      : person.startDeadline
                        ? `Not started; start deadline ${formatDate(person.startDeadline)}`
                        : "Waiting for the previous order to finish"}
                  </p>
                  <p className="mb-2">
                    <StandingTag standing={person.standing} />
                  </p>
                  <AllocationExplanation refusals={person.refusals} warnings={person.warnings} />
                  {person.standing === "BOOKABLE" && (
                    <div className="mt-3 flex min-h-11 items-start gap-3">
                      <input
                        id={boxId}
                        name="caseId"
                        type="checkbox"
                        value={person.caseId}
                        className="mt-0.5 size-11 shrink-0 accent-ink"
                      />
                      <label htmlFor={boxId} className="min-h-11 min-w-0 flex-1 pt-2 font-bold">
                        Choose {person.firstName} {person.lastName} to book
                      </label>
                    </div>
                  )}
                  {person.standing !== "BLOCKED" && (
                    <p className="mb-0 mt-3">
                      <Link
                        href={`/cases/${person.caseId}/allocate?session=${session.id}&from=session`}
                        className="font-bold"
                      >
                        {person.standing === "BOOKABLE" ? "Book on their own" : "Record the details and book"}
                        <span className="sr-only">
                          {" "}
                          {person.firstName} {person.lastName} on this session
                        </span>
                      </Link>
                    </p>
                  )}
                  {person.standing !== "BLOCKED" && session.seriesId && (
                    <p className="mb-0 mt-3">
                      <Link href={`/cases/${person.caseId}/allocate?session=${session.id}&series=1&from=session`}>
                        Book every week of this series
                        <span className="sr-only">
                          {" "}
                          for {person.firstName} {person.lastName}
                        </span>
                      </Link>
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </BookPeopleForm>
      )}
      {truncated && <p>Only the first 20 people are shown. Search by name or CRN to find someone else.</p>}
    </>
  );
}
