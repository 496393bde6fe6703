import "server-only";
import { isoDateFromUtcDate, isoDateInLondon } from "@/domain";
import type { Tx } from "@/server/db/create-client";
import type { TransferView } from "./transfers.types";

export const transferSelect = {
  id: true,
  requirementId: true,
  reason: true,
  status: true,
  requestedAt: true,
  decidedAt: true,
  decisionNote: true,
  acceptedOn: true,
  fromRegionId: true,
  toRegionId: true,
  fromRegion: { select: { code: true } },
  fromPdu: { select: { code: true } },
  toRegion: { select: { code: true } },
} as const;

export async function loadTransferView(tx: Tx, id: string): Promise<TransferView> {
  const t = await tx.requirementTransfer.findUniqueOrThrow({ where: { id }, select: transferSelect });
  return {
    id: t.id,
    caseId: t.requirementId,
    fromRegion: t.fromRegion.code,
    fromPdu: t.fromPdu?.code ?? null,
    toRegion: t.toRegion.code,
    reason: t.reason,
    status: t.status,
    requestedOn: isoDateInLondon(t.requestedAt),
    decidedOn: t.decidedAt ? isoDateInLondon(t.decidedAt) : null,
    decisionNote: t.decisionNote,
    acceptedOn: t.acceptedOn ? isoDateFromUtcDate(t.acceptedOn) : null,
  };
}
