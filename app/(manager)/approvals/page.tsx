import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/current-user";
import { db } from "@/server/db/client";
import { listPendingApprovals, type PendingApproval } from "@/server/queries/dashboard";
import { isoDateInLondon, todayInLondon } from "@/domain/dates";
import { policyOn } from "@/domain/policy";
import { findRegionName } from "@/server/queries/regions";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { formatDate } from "@/ui/format";
import { APPROVAL_KIND_LABEL } from "@/ui/labels";
import { ABSENCE_REASON_LABELS } from "@/domain/attendance-outcomes";

export const metadata: Metadata = { title: "Approvals" };

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"] as const;

/** R8: from which accepted absence a manager must approve, in words ("third"). */
function firstAbsenceNeedingApproval(): string {
  const n = policyOn(todayInLondon()).acceptedAbsencesBeforeApproval + 1;
  return ORDINALS[n - 1] ?? `${n}th`;
}

const LONDON_TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" });

/** What the manager is asked to agree to, in words. */
function WhatIsAsked({ approval }: { approval: PendingApproval }) {
  const { absence, booking } = approval;
  let ask: string;
  if (approval.kind === "ACCEPTED_ABSENCE") {
    ask = absence
      ? `Accept the absence on ${formatDate(absence.date)}${absence.reasonCategory ? `, reason: ${ABSENCE_REASON_LABELS[absence.reasonCategory]}` : ""}. It is their ${firstAbsenceNeedingApproval()} or later accepted absence, so it is treated as unacceptable until you decide.`
      : `Accept a ${firstAbsenceNeedingApproval()} or later accepted absence.`;
  } else if (approval.kind === "RISK_OVERRIDE") {
    ask = booking
      ? `Allow a booking on ${booking.placementName} on ${formatDate(booking.date)} at ${booking.startTime}, although one of their risk codes conflicts with the placement.`
      : "Allow a booking although one of their risk codes conflicts with the placement.";
  } else {
    ask = booking
      ? `Allow a person assessed as high or very high risk of serious harm on the individual placement ${booking.placementName} on ${formatDate(booking.date)}.`
      : "Allow a person assessed as high or very high risk of serious harm on an individual placement.";
  }
  return (
    <>
      <p className="mb-1">{ask}</p>
      {absence?.note && <p className="mb-1 whitespace-pre-line text-secondary">Note: {absence.note}</p>}
      {approval.reason && <p className="mb-0 whitespace-pre-line text-secondary">Reason given: {approval.reason}</p>}
    </>
  );
}

/** Regional manager: requests waiting for their decision (deciding them arrives with issue 3). */
export default async function ApprovalsPage() {
  const user = await requirePageUser("approval.list");
  const [approvals, regionName] = await Promise.all([listPendingApprovals(db, user), user.regionId ? findRegionName(user.regionId) : null]);

  return (
    <>
      <PageHeading caption={regionName ?? undefined}>Approvals waiting for a decision</PageHeading>
      <p>
        Some decisions need a manager: a {firstAbsenceNeedingApproval()} or later accepted absence on a requirement, booking someone on a placement their risk
        conflicts with, and high risk of serious harm on an individual placement. The oldest requests are first.
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
              </tr>
            </thead>
            <tbody>
              {approvals.map((approval) => (
                <tr key={approval.id}>
                  <td>{APPROVAL_KIND_LABEL[approval.kind]}</td>
                  <td>
                    {approval.person.name}
                    <span className="block text-secondary whitespace-nowrap">CRN {approval.person.crn}</span>
                  </td>
                  <td>
                    <WhatIsAsked approval={approval} />
                  </td>
                  <td className="whitespace-nowrap">
                    {formatDate(isoDateInLondon(approval.requestedAt))}
                    <span className="block text-secondary">at {LONDON_TIME.format(approval.requestedAt)}</span>
                  </td>
                  <td>{approval.requestedBy ?? "Not recorded"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
