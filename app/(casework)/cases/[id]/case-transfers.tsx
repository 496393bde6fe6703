import Link from "next/link";
import type { CaseTransfer } from "@/server/queries/transfers";
import { formatDate } from "@/ui/format";
import { Tag } from "@/ui/tag";

const STATUS_WORDS = { REQUESTED: "Waiting for a decision", ACCEPTED: "Accepted", DECLINED: "Declined" } as const;
const STATUS_COLOUR = { REQUESTED: "blue", ACCEPTED: "green", DECLINED: "grey" } as const;

// Transfers between regions (decision 0050): the one waiting for a decision, and the history.
export function CaseTransfersSection({
  caseId,
  transfers,
  canRequest,
}: {
  caseId: string;
  transfers: CaseTransfer[];
  canRequest: boolean;
}) {
  const pending = transfers.find((t) => t.status === "REQUESTED");
  if (transfers.length === 0 && !canRequest) return null;
  return (
    <section aria-labelledby="transfers-heading" className="mb-8">
      <h2 id="transfers-heading">Region transfers</h2>
      {pending ? (
        <p className="max-w-2xl">
          A transfer to {pending.toRegion} was asked for on {formatDate(pending.requestedOn)}. The case stays with{" "}
          {pending.fromRegion} until a manager in {pending.toRegion} accepts it.
        </p>
      ) : (
        canRequest && (
          <p>
            <Link href={`/cases/${caseId}/transfer`}>Ask to transfer this case to another region</Link>
          </p>
        )
      )}
      {transfers.length > 0 && (
        <ul className="list-none p-0">
          {transfers.map((t) => (
            <li key={t.id} className="mb-3 border-l-4 border-[#b1b4b6] pl-3">
              <Tag colour={STATUS_COLOUR[t.status]}>{STATUS_WORDS[t.status]}</Tag> From {t.fromRegion}
              {t.fromPdu ? ` (PDU ${t.fromPdu})` : ""} to {t.toRegion}, asked for on {formatDate(t.requestedOn)}:{" "}
              {t.reason}
              {t.status === "ACCEPTED" && t.acceptedOn && (
                <>
                  {" "}
                  · in {t.toRegion} from {formatDate(t.acceptedOn)}
                </>
              )}
              {t.status === "DECLINED" && t.decisionNote && <> · declined: {t.decisionNote}</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
