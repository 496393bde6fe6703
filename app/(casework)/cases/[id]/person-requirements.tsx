import Link from "next/link";
import type { PersonRequirements } from "@/server/queries/person-requirements";
import { RequirementStatusTag } from "@/ui/case-flags";
import { formatDate, formatHoursAndMinutes } from "@/ui/format";
import { ORDER_TYPE_LABEL } from "@/ui/labels";
import { TableRegion } from "@/ui/table-region";

type Row = PersonRequirements["requirements"][number];

const nameOf = (id: string, all: readonly Row[]) => {
  const other = all.find((r) => r.id === id);
  return other
    ? `${ORDER_TYPE_LABEL[other.orderType].toLowerCase()} of ${formatDate(other.sentenceDate)}`
    : "a requirement held elsewhere";
};

// Concurrent and consecutive orders (decision 0049), in words: "After the community order of …".
function runsText(r: Row, all: readonly Row[]): string {
  const parts: string[] = [];
  if (r.relation)
    parts.push(
      r.relation.kind === "CONSECUTIVE"
        ? `After the ${nameOf(r.relation.relatedId, all)}`
        : `At the same time as the ${nameOf(r.relation.relatedId, all)} (hours count towards both)`,
    );
  for (const next of r.followedBy) {
    parts.push(
      next.kind === "CONSECUTIVE"
        ? `Before the ${nameOf(next.id, all)}`
        : `At the same time as the ${nameOf(next.id, all)} (hours count towards both)`,
    );
  }
  return parts.length > 0 ? parts.join("; ") : "On its own";
}

/** Whether any requirement listed runs concurrently with another (decision 0049: hours count towards both). */
const hasConcurrent = (all: readonly Row[]) =>
  all.some((r) => r.relation?.kind === "CONCURRENT" || r.followedBy.some((f) => f.kind === "CONCURRENT"));

// Several requirements per person (concurrent or consecutive orders): all of the person's
// requirements the caller may see, and R1's warning over 300 hours outstanding across them.
export function PersonRequirementsSection({
  data,
  addOrderHref,
}: {
  data: PersonRequirements;
  addOrderHref: string | null;
}) {
  const { requirements, hiddenCount, activeOutstandingMinutes, warning } = data;
  return (
    <section aria-labelledby="requirements-heading" className="mb-8">
      <h2 id="requirements-heading">This person&apos;s requirements</h2>
      {warning && (
        <p className="mb-4 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2 font-bold">
          <span aria-hidden="true">⚠ </span>Warning: {warning.message}
        </p>
      )}
      <p className="mb-4">
        Outstanding across their active requirements: <strong>{formatHoursAndMinutes(activeOutstandingMinutes)}</strong>
      </p>
      {hasConcurrent(requirements) && (
        <p className="mb-4">
          Orders that run at the same time share their hours: every hour worked or credited to one counts towards both
          (from each order&apos;s sentence date), so the smaller order finishes first. Outstanding hours count such a
          pair once.
        </p>
      )}
      <TableRegion label="This person's requirements">
        <table>
          <caption className="sr-only">Every unpaid work requirement of this person that you can see</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Sentence date</th>
              <th scope="col">Region</th>
              <th scope="col">Hours ordered</th>
              <th scope="col">Outstanding</th>
              <th scope="col">Runs</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {requirements.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.current ? (
                    <>
                      {ORDER_TYPE_LABEL[r.orderType]}, {r.court} <span className="text-secondary">(this case)</span>
                    </>
                  ) : (
                    <Link href={`/cases/${r.id}`}>
                      {ORDER_TYPE_LABEL[r.orderType]}, {r.court}
                    </Link>
                  )}
                </td>
                <td>{formatDate(r.sentenceDate)}</td>
                <td>{r.region.name}</td>
                <td>{r.hoursOrdered}</td>
                <td>{r.status === "ACTIVE" ? formatHoursAndMinutes(r.outstandingMinutes) : "None"}</td>
                <td>{runsText(r, requirements)}</td>
                <td>
                  <RequirementStatusTag status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {addOrderHref && (
        <p className="mb-4">
          <Link href={addOrderHref}>Add another order for this person</Link>
        </p>
      )}
      {hiddenCount > 0 && (
        <p className="mb-4">
          {hiddenCount === 1 ? "1 more requirement is" : `${hiddenCount} more requirements are`} held in another region
          or restricted; their hours are included above.
        </p>
      )}
    </section>
  );
}
