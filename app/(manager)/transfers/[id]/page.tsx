import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { listIncomingTransfers } from "@/server/queries/transfers";
import { formatDate, formatHoursAndMinutes } from "@/ui/format";
import { ORDER_TYPE_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import { TransferDecisionForms } from "../decision-forms";

export const metadata: Metadata = { title: "Decide on a transfer" };

// One transfer waiting for this region's manager: the summary and the two decisions (decision 0050).
export default async function TransferDecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("transfer.decide");
  const { id } = await params;
  const transfer = (await listIncomingTransfers(user)).find((t) => t.id === id);
  if (!transfer) notFound();
  return (
    <>
      <p className="mb-6">
        <Link href="/transfers">Back to transfers</Link>
      </p>
      <PageHeading caption={`From ${transfer.fromRegionName}`}>Transfer of {transfer.name}</PageHeading>
      <SummaryList
        rows={[
          { key: "CRN", value: transfer.crn },
          { key: "Order", value: `${ORDER_TYPE_LABEL[transfer.orderType]} of ${formatDate(transfer.sentenceDate)}` },
          { key: "Hours ordered", value: String(transfer.hoursOrdered) },
          { key: "Hours left", value: formatHoursAndMinutes(transfer.outstandingMinutes) },
          { key: "Asked for", value: `${formatDate(transfer.requestedOn)} by ${transfer.requestedBy}` },
          { key: "Reason", value: transfer.reason },
        ]}
      />
      <p className="max-w-2xl">
        Accepting moves the case today. Declining leaves it with {transfer.fromRegionName}, who will see your reason.
      </p>
      <TransferDecisionForms transferId={transfer.id} who={transfer.name} />
    </>
  );
}
