import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { listMySessions, UPCOMING_DAYS, type SessionCard } from "@/server/queries/my-sessions";
import { PageHeading } from "@/ui/page-heading";
import { Tag } from "@/ui/tag";
import { formatWeekdayDate } from "@/ui/format";
import { addDays } from "@/domain/dates";

export const metadata: Metadata = { title: "My sessions" };

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

function RiskWarning({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="mb-2 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2 font-bold">
      <span aria-hidden="true">⚠ </span>
      {people(count)} with a risk relevant to this placement
    </p>
  );
}

/** One session as a card: the whole title is a large link to the roster. */
function SessionCardItem({
  session,
  showDate,
  keepOffline,
}: {
  session: SessionCard;
  showDate: boolean;
  keepOffline: boolean;
}) {
  return (
    <li className="summary-card mb-4">
      <h3 className="mb-2 text-xl">
        {/* data-keep-offline: the service worker keeps this roster and its incident form (service-worker-registration.tsx). */}
        <Link
          href={`/my-sessions/${session.id}`}
          className="inline-block min-h-11 py-2"
          data-keep-offline={keepOffline && session.status !== "CANCELLED" ? "" : undefined}
        >
          {showDate && (
            <span className="block text-base font-normal text-secondary">{formatWeekdayDate(session.date)}</span>
          )}
          {session.placementName}
          <span className="sr-only">: see who is booked</span>
        </Link>
      </h3>
      {session.status === "CANCELLED" && (
        <p className="mb-2">
          <Tag colour="red">Cancelled</Tag>
        </p>
      )}
      {session.status === "CLOSED" && (
        <p className="mb-2">
          <Tag colour="green">Closed</Tag>
        </p>
      )}
      <RiskWarning count={session.peopleWithRelevantRisk} />
      <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-bold">Time</dt>
        <dd className="m-0">
          {session.startTime} to {session.endTime}
        </dd>
        <dt className="font-bold">Where</dt>
        <dd className="m-0">{session.address ?? "No address recorded"}</dd>
        {session.pickUpPoint && (
          <>
            <dt className="font-bold">Pick-up</dt>
            <dd className="m-0">
              {session.pickUpPoint}
              {session.pickUpTime && ` at ${session.pickUpTime}`}
            </dd>
          </>
        )}
        <dt className="font-bold">Booked</dt>
        <dd className="m-0">
          {people(session.bookedCount)} (places for {session.capacity})
        </dd>
      </dl>
    </li>
  );
}

function SessionList({
  sessions,
  showDate,
  empty,
  keepOfflineUntil = "",
}: {
  sessions: SessionCard[];
  showDate: boolean;
  empty: string;
  keepOfflineUntil?: string;
}) {
  if (sessions.length === 0) return <p>{empty}</p>;
  return (
    <ul className="m-0 mb-8 list-none p-0">
      {sessions.map((session) => (
        <SessionCardItem
          key={session.id}
          session={session}
          showDate={showDate}
          keepOffline={session.date <= keepOfflineUntil}
        />
      ))}
    </ul>
  );
}

/** Supervisor's home, made for a phone on site: today first, then sessions still to close, then the fortnight ahead. */
export default async function MySessionsPage() {
  const user = await requirePageUser("session.run");
  const { today, todays, openEarlier, openEarlierNotShown, upcoming } = await listMySessions(user);

  return (
    <>
      <PageHeading caption={formatWeekdayDate(today)}>My sessions</PageHeading>

      <section aria-labelledby="today-heading">
        <h2 id="today-heading">Today</h2>
        <SessionList sessions={todays} showDate={false} empty="You have no sessions today." keepOfflineUntil={today} />
      </section>

      {openEarlier.length > 0 && (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">Still to be closed</h2>
          <p>These earlier sessions are still open. The attendance for each needs to be completed.</p>
          <SessionList sessions={openEarlier} showDate empty="" />
          {openEarlierNotShown > 0 && (
            <p>
              There are {openEarlierNotShown} older open sessions not shown here. Ask your coordinator to help close
              them.
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Next {UPCOMING_DAYS} days</h2>
        {/* Today's and tomorrow's rosters are kept on the phone for use without a signal. */}
        <SessionList
          sessions={upcoming}
          showDate
          empty={`You have no sessions in the next ${UPCOMING_DAYS} days.`}
          keepOfflineUntil={addDays(today, 1)}
        />
      </section>
    </>
  );
}
