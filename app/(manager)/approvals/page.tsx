import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/current-user";
import Link from "next/link";
import { listPendingApprovalsForUser } from "@/server/queries/manager-pages";
import { daysBetween, isoDateInLondon, todayInLondon } from "@/domain/dates";
import { findRegionName } from "@/server/queries/regions";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { formatDate } from "@/ui/format";
import { APPROVAL_KIND_LABEL } from "@/ui/labels";
import { firstAbsenceNeedingApproval, WhatIsAsked } from "./what-is-asked";

export const metadata: Metadata = { title: "Approvals" };

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

/** Regional manager: requests waiting for their decision, oldest first, each linked to its case and to its decision page. */
function ageWords(days: number): string {
  return days <= 0 ? "Waiting since today" : `Waiting ${days} ${days === 1 ? "day" : "days"}`;
}

export default async function ApprovalsPage() {
  const user = await requirePageUser("approval.list");
  const today = todayInLondon();
  const [approvals, regionName] = await Promise.all([
    listPendingApprovalsForUser(user),
    user.regionId ? findRegionName(user.regionId) : null,
  ]);

  return (
    <>
      <PageHeading caption={regionName ?? undefined}>Approvals waiting for a decision</PageHeading>
      <p>
        Some decisions need a manager: a {firstAbsenceNeedingApproval()} or later accepted absence on a requirement,
        booking someone on a placement their risk conflicts with, and high risk of serious harm on an individual
        placement. The oldest requests are first.
      </p>
      <p>
        <Link href="/transfers">Cases other regions ask to move to your region</Link>
      </p>
      {approvals.length === 0 ? (
        <p>There are no approvals waiting.</p>
      ) : (
        <TableRegion label="Approvals waiting for a decision">
          <table>
            <caption>
              {approvals.length} {approvals.length === 1 ? "approval" : "approvals"} waiting
            </caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Person</th>
                <th scope="col" className="min-w-[18rem]">
                  What is asked
                </th>
                <th scope="col">Requested</th>
                <th scope="col">By</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {approvals.map((approval) => (
                <tr key={approval.id}>
                  <td>{APPROVAL_KIND_LABEL[approval.kind]}</td>
                  <td>
                    <Link href={`/cases/${approval.caseId}`}>{approval.person.name}</Link>
                    <span className="block text-secondary whitespace-nowrap">CRN {approval.person.crn}</span>
                  </td>
                  <td>
                    <WhatIsAsked approval={approval} />
                  </td>
                  <td className="whitespace-nowrap">
                    {formatDate(isoDateInLondon(approval.requestedAt))}
                    <span className="block text-secondary">at {LONDON_TIME.format(approval.requestedAt)}</span>
                    <span className="block text-secondary">
                      {ageWords(daysBetween(isoDateInLondon(approval.requestedAt), today))}
                    </span>
                  </td>
                  <td>{approval.requestedBy ?? "Not recorded"}</td>
                  <td>
                    <Link href={`/approvals/${approval.id}`}>
                      Decide<span className="sr-only"> on the request for {approval.person.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
