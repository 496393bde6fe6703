import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { addDays, isIsoDate, isoDateFromUtcDate, sessionLimit, todayInLondon } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { listSessions, SESSION_WINDOW_DAYS } from "@/server/queries/sessions";
import { formatDate, formatNumber, formatWeekdayDate } from "@/ui/format";
import { PLACEMENT_TYPE_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { Pagination } from "@/ui/pagination";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";

export const metadata: Metadata = { title: "Sessions" };

const querySchema = z.object({
  from: z.string().refine(isIsoDate).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

type SessionRow = Awaited<ReturnType<typeof listSessions>>["sessions"][number];

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("placement.read");
  const query = querySchema.parse(await searchParams);
  const today = todayInLondon();
  const from = query.from ?? today;
  const { to, total, sessions, pageCount } = await listSessions(user, { from, page: query.page });

  const byDate = new Map<string, SessionRow[]>();
  for (const session of sessions) {
    const date = isoDateFromUtcDate(session.date);
    byDate.set(date, [...(byDate.get(date) ?? []), session]);
  }
  const hrefFor = (params: { from: string; page?: number }) =>
    `/sessions?from=${params.from}${params.page && params.page > 1 ? `&page=${params.page}` : ""}`;

  return (
    <>
      <PageHeading caption="Your region">Sessions</PageHeading>
      <p>
        Work sessions from {formatDate(from)} to {formatDate(to)}: {formatNumber(total)}{" "}
        {total === 1 ? "session" : "sessions"}. “Most allowed” is the capacity plus your region&apos;s over-subscription
        allowance.
      </p>
      <p className="flex flex-wrap gap-6">
        <Link href="/sessions/new">Add a session</Link>
        <Link href="/sessions/new?kind=series">Add a weekly series of sessions</Link>
      </p>

      <form method="get" action="/sessions" className="mb-6 flex flex-wrap items-end gap-4 bg-panel p-4">
        <div>
          <label className="label" htmlFor="from">
            Show {SESSION_WINDOW_DAYS} days from
          </label>
          <input className="input w-auto" type="date" id="from" name="from" defaultValue={from} />
        </div>
        <button type="submit" className="button">
          Show sessions
        </button>
      </form>
      <p className="flex flex-wrap gap-6">
        <Link href={hrefFor({ from: addDays(from, -SESSION_WINDOW_DAYS) })}>Previous {SESSION_WINDOW_DAYS} days</Link>
        {from !== today && <Link href={hrefFor({ from: today })}>From today</Link>}
        <Link href={hrefFor({ from: addDays(from, SESSION_WINDOW_DAYS) })}>Next {SESSION_WINDOW_DAYS} days</Link>
      </p>

      {sessions.length === 0 && <p>There are no sessions in these {SESSION_WINDOW_DAYS} days.</p>}
      {[...byDate.entries()].map(([date, daySessions]) => (
        <section key={date} aria-labelledby={`day-${date}`}>
          <h2 id={`day-${date}`} className="text-2xl sm:text-[1.75rem]">
            {formatWeekdayDate(date)}
          </h2>
          <TableRegion label={`Sessions on ${formatWeekdayDate(date)}`}>
            <table className="min-w-[44rem] table-fixed">
              <caption className="sr-only">Sessions on {formatWeekdayDate(date)}</caption>
              <thead>
                <tr>
                  <th scope="col" className="w-[34%]">
                    Placement
                  </th>
                  <th scope="col" className="w-[20%]">
                    Time
                  </th>
                  <th scope="col" className="w-[20%]">
                    Supervisor
                  </th>
                  <th scope="col" className="w-[13%]">
                    Booked
                  </th>
                  <th scope="col" className="w-[13%]">
                    Most allowed
                  </th>
                </tr>
              </thead>
              <tbody>
                {daySessions.map((session) => {
                  const limit = sessionLimit(session.capacity, session.placement.region.overSubscriptionPercent);
                  const booked = session._count.allocations;
                  return (
                    <tr key={session.id}>
                      <td>
                        <Link href={`/sessions/${session.id}`}>{session.placement.name}</Link>
                        <span className="block text-base text-secondary">
                          {PLACEMENT_TYPE_LABEL[session.placement.type]}
                        </span>
                        {session.status === "CANCELLED" && <Tag colour="red">Cancelled</Tag>}
                        {session.status === "CLOSED" && <Tag colour="grey">Closed</Tag>}
                      </td>
                      <td className="whitespace-nowrap">
                        {session.startTime} to {session.endTime}
                      </td>
                      <td>{session.supervisor?.name ?? <span className="text-secondary">Not assigned</span>}</td>
                      <td className="whitespace-nowrap">
                        {booked} of {session.capacity}
                        {booked >= limit && (
                          <span className="block">
                            <Tag colour="red">Full</Tag>
                          </span>
                        )}
                        {booked > session.capacity && booked < limit && (
                          <span className="block">
                            <Tag colour="orange">Over capacity</Tag>
                          </span>
                        )}
                      </td>
                      <td className="whitespace-nowrap">{limit} people</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ))}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => hrefFor({ from, page })} />
    </>
  );
}
