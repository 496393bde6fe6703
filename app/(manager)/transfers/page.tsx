import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/current-user";
import { findRegionName } from "@/server/queries/regions";
import { listIncomingTransfers } from "@/server/queries/transfers";
import { formatDate, formatHoursAndMinutes } from "@/ui/format";
import { ORDER_TYPE_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import Link from "next/link";

export const metadata: Metadata = { title: "Transfers to your region" };

/**
 * Regional manager: cases other regions ask to move to this region, oldest first. The case is not
 * yet this region's record, so only a summary is shown (decision 0050); once accepted it opens as
 * any other case.
 */
export default async function TransfersPage() {
  const user = await requirePageUser("transfer.decide");
  const [transfers, regionName] = await Promise.all([
    listIncomingTransfers(user),
    user.regionId ? findRegionName(user.regionId) : null,
  ]);
  return (
    <>
      <PageHeading caption={regionName ?? undefined}>Transfers to your region</PageHeading>
      <p className="max-w-2xl">
        Other regions ask to move these cases to you. Accepting moves the case today: from then on it is your
        region&apos;s case and counts in your figures; the hours already worked stay in the other region&apos;s history.
      </p>
      {transfers.length === 0 ? (
        <p>There are no transfers waiting.</p>
      ) : (
        transfers.map((t) => (
          <section key={t.id} aria-labelledby={`transfer-${t.id}`} className="mb-10 border-t border-[#b1b4b6] pt-4">
            <h2 id={`transfer-${t.id}`} className="text-2xl">
              {t.name} (CRN {t.crn}) from {t.fromRegionName}
            </h2>
            <SummaryList
              rows={[
                { key: "Order", value: `${ORDER_TYPE_LABEL[t.orderType]} of ${formatDate(t.sentenceDate)}` },
                { key: "Hours ordered", value: String(t.hoursOrdered) },
                { key: "Hours left", value: formatHoursAndMinutes(t.outstandingMinutes) },
                { key: "Asked for", value: `${formatDate(t.requestedOn)} by ${t.requestedBy}` },
                { key: "Reason", value: t.reason },
              ]}
            />
            <p>
              <Link href={`/transfers/${t.id}`}>Decide on the transfer of {t.name}</Link>
            </p>
          </section>
        ))
      )}
    </>
  );
}
