import type { AppUser } from "@/server/auth/access";
import { listOpenBookingConflicts, listPeopleToRebook } from "@/server/queries/scheduling";
import { formatShortDate } from "@/ui/format";
import { QueueSection } from "@/ui/queue-section";
import { Tag } from "@/ui/tag";

// The work queue's scheduling lists: people to re-book after a stood-down or cancelled session,
// and future bookings that a re-check found unsafe. Each list is paged, so every row is reachable.

const workQueueHref = (params: Record<string, number>) =>
  `/work-queue?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;

export async function SchedulingSections({
  user,
  rebookPage,
  conflictPage,
}: {
  user: AppUser;
  rebookPage: number;
  conflictPage: number;
}) {
  const [rebook, conflicts] = await Promise.all([
    listPeopleToRebook(user, { page: rebookPage }),
    listOpenBookingConflicts(user, { page: conflictPage }),
  ]);
  return (
    <>
      <QueueSection
        id="booking-conflicts"
        title="Bookings that no longer pass the safety checks"
        description="Found when a risk code, risk of serious harm or supervisor changed after the booking was made. Move or cancel the booking, or ask a manager."
        total={conflicts.total}
        empty="No future booking has a safety problem."
        columns={["Session", "Problem"]}
        rows={conflicts.rows.map((row) => ({
          key: row.id,
          caseId: row.caseId,
          person: row.person,
          cells: [
            <span key="s">
              {row.placement}, <span className="whitespace-nowrap">{formatShortDate(row.sessionDate)}</span>
            </span>,
            <span key="p">
              <Tag colour="red">Safety check</Tag> {row.message}
            </span>,
          ],
          action: { href: `/sessions/${row.sessionId}/bookings/${row.allocationId}`, label: "Move or cancel" },
        }))}
        paging={{
          page: conflicts.page,
          pageCount: conflicts.pageCount,
          hrefFor: (p) => workQueueHref({ rebookPage, conflictPage: p }),
        }}
      />
      <QueueSection
        id="to-rebook"
        title="People to re-book"
        description="Their session was stood down or cancelled (an acceptable absence, not counted towards the third-absence approval) and nothing has been booked for them since."
        total={rebook.total}
        empty="Nobody is waiting to be re-booked."
        columns={["Session", "What happened"]}
        rows={rebook.rows.map((row) => ({
          key: `${row.caseId}-${row.sessionId}`,
          caseId: row.caseId,
          person: row.person,
          cells: [
            <span key="s">
              {row.placement}, <span className="whitespace-nowrap">{formatShortDate(row.sessionDate)}</span>
            </span>,
            <Tag key="w" colour="blue">
              {row.why}
            </Tag>,
          ],
          action: { href: `/cases/${row.caseId}/allocate`, label: "Book again" },
        }))}
        paging={{
          page: rebook.page,
          pageCount: rebook.pageCount,
          hrefFor: (p) => workQueueHref({ conflictPage, rebookPage: p }),
        }}
      />
    </>
  );
}
