import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { listRiskCodes } from "@/server/queries/admin";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";
import { PLACEMENT_FEATURE_LABEL } from "@/ui/labels";

export const metadata: Metadata = { title: "Risk codes" };

/** The national risk-code catalogue as supervisors see it: code, title, guidance and the placements it rules out. */
export default async function RiskCodesPage() {
  await requirePageUser("admin.reference");
  const riskCodes = await listRiskCodes();

  return (
    <>
      <PageHeading caption="Reference data">Risk codes</PageHeading>
      <p>
        One national catalogue. Supervisors see each code&rsquo;s title and guidance on their rosters. A person with a
        code is not booked on a placement with a conflicting feature unless a manager overrides it with a reason. A
        change applies to codes recorded from now on: assessments already recorded keep the meaning they were recorded
        with.
      </p>
      <p>
        <Link href="/admin/risk-codes/new" className="button">
          Add a risk code
        </Link>
      </p>
      <TableRegion label="Risk codes">
        <table>
          <caption>Risk codes ({riskCodes.length})</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Title</th>
              <th scope="col">Guidance for the supervisor</th>
              <th scope="col">Conflicts with placements that have</th>
            </tr>
          </thead>
          <tbody>
            {riskCodes.map((riskCode) => (
              <tr key={riskCode.id}>
                <td className="font-bold whitespace-nowrap">
                  <Link href={`/admin/risk-codes/${riskCode.id}`}>
                    {riskCode.code}
                    <span className="sr-only"> (change or retire)</span>
                  </Link>
                </td>
                <td>
                  {riskCode.title}
                  {!riskCode.active && (
                    <span className="block">
                      <Tag>Retired</Tag>
                    </span>
                  )}
                </td>
                <td className="min-w-[16rem] whitespace-pre-line">{riskCode.guidance}</td>
                <td>
                  {riskCode.conflictsWith.length === 0 ? (
                    "No conflicting features"
                  ) : (
                    <ul className="m-0 list-disc pl-5">
                      {riskCode.conflictsWith.map((feature) => (
                        <li key={feature}>{PLACEMENT_FEATURE_LABEL[feature]}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
