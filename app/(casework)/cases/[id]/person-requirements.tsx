import Link from "next/link";
import type { PersonRequirements } from "@/server/queries/person-requirements";
import { RequirementStatusTag } from "@/ui/case-flags";
import { formatDate, formatMinutes } from "@/ui/format";
import { ORDER_TYPE_LABEL } from "@/ui/labels";
import { TableRegion } from "@/ui/table-region";

// Several requirements per person (concurrent or consecutive orders): all of the person's
// requirements the caller may see, and R1's warning over 300 hours outstanding across them.
export function PersonRequirementsSection({ data }: { data: PersonRequirements }) {
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
        Outstanding across their active requirements: <strong>{formatMinutes(activeOutstandingMinutes)}</strong>
      </p>
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
                <td>{r.status === "ACTIVE" ? formatMinutes(r.outstandingMinutes) : "None"}</td>
                <td>
                  <RequirementStatusTag status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {hiddenCount > 0 && (
        <p className="mb-4">
          {hiddenCount === 1 ? "1 more requirement is" : `${hiddenCount} more requirements are`} held in another region or restricted; their hours are included above.
        </p>
      )}
    </section>
  );
}
