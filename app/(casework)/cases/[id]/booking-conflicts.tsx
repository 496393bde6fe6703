import Link from "next/link";
import type { AppUser } from "@/server/auth/access";
import { listOpenBookingConflicts } from "@/server/queries/scheduling";
import { formatShortDate } from "@/ui/format";

/** Future bookings of this case that a re-check (risk, RoSH or supervisor changed) found unsafe. */
export async function BookingConflicts({ user, caseId }: { user: AppUser; caseId: string }) {
  const conflicts = await listOpenBookingConflicts(user, { caseId });
  if (conflicts.total === 0) return null;
  return (
    <section aria-labelledby="conflicts-heading" className="mb-8 border-l-8 border-red-700 pl-4">
      <h2 id="conflicts-heading">Bookings that no longer pass the safety checks ({conflicts.total})</h2>
      <ul>
        {conflicts.rows.map((row) => (
          <li key={row.id} className="mb-2">
            {row.placement}, {formatShortDate(row.sessionDate)}: {row.message}{" "}
            <Link href={`/sessions/${row.sessionId}/bookings/${row.allocationId}`}>
              Move or cancel<span className="sr-only"> the booking on {formatShortDate(row.sessionDate)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {conflicts.total > conflicts.rows.length && (
        <p>
          <Link href="/work-queue#booking-conflicts">See all of them on the work queue</Link>
        </p>
      )}
    </section>
  );
}
