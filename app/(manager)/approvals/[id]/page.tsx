import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { daysBetween, isoDateInLondon, todayInLondon } from "@/domain/dates";
import { requirePageUser } from "@/server/auth/current-user";
import { listPendingApprovalsForUser } from "@/server/queries/manager-pages";
import { formatDate } from "@/ui/format";
import { APPROVAL_KIND_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { DecisionForm } from "../decision-form";
import { WhatIsAsked } from "../what-is-asked";

export const metadata: Metadata = { title: "Decide a request" };

/** R8: one request and the manager's decision (approve or reject, with a note). */
export default async function DecideApprovalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const user = await requirePageUser("approval.decide");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const approval = (await listPendingApprovalsForUser(user)).find((a) => a.id === id.data);
  const { from } = await searchParams;
  if (!approval) {
    return (
      <>
        <PageHeading>Decide a request</PageHeading>
        <p>This request is not waiting for a decision: it may have been decided already.</p>
        <p>
          <Link href="/approvals">Back to the approvals waiting</Link>
        </p>
      </>
    );
  }
  const requestedOn = isoDateInLondon(approval.requestedAt);
  const age = daysBetween(requestedOn, todayInLondon());
  return (
    <>
      <p className="mb-6">
        <Link href={from === "case" ? `/cases/${approval.caseId}` : "/approvals"}>
          {from === "case" ? "Back to the case" : "Back to the approvals waiting"}
        </Link>
      </p>
      <PageHeading caption={`${approval.person.name}, CRN ${approval.person.crn}`}>
        {APPROVAL_KIND_LABEL[approval.kind]}
      </PageHeading>
      <WhatIsAsked approval={approval} />
      <p>
        Asked by {approval.requestedBy ?? "someone not recorded"} on {formatDate(requestedOn)} (
        {age === 0 ? "today" : `${age} ${age === 1 ? "day" : "days"} ago`}).{" "}
        <Link href={`/cases/${approval.caseId}`}>See the case</Link>
      </p>
      <p className="max-w-2xl">
        Whoever recorded or changed what this request is about cannot decide it: another manager must (four eyes).
      </p>
      <DecisionForm
        approvalId={approval.id}
        version={approval.version}
        label="this request"
        from={from === "case" ? "case" : "list"}
      />
    </>
  );
}
