import "server-only";
import { formatDate, isoDateFromUtcDate, type EarlierRequirement } from "@/domain";
import type { Tx } from "@/server/db/create-client";

const ORDER_WORDS = {
  COMMUNITY_ORDER: "community order",
  SUSPENDED_SENTENCE_ORDER: "suspended sentence order",
} as const;

/**
 * The requirement a consecutive requirement runs after, as the crediting rule needs it
 * (domain checkConsecutiveOrder); null when this requirement is concurrent or on its own.
 */
export async function loadRunsAfter(tx: Tx, requirementId: string): Promise<EarlierRequirement | null> {
  const requirement = await tx.requirement.findUnique({
    where: { id: requirementId },
    select: {
      orderRelation: true,
      relatedRequirement: {
        select: {
          status: true,
          completedOn: true,
          terminatedOn: true,
          sentenceDate: true,
          orderType: true,
          order: { select: { court: true } },
        },
      },
    },
  });
  const earlier = requirement?.orderRelation === "CONSECUTIVE" ? requirement.relatedRequirement : null;
  if (!earlier) return null;
  const ended =
    earlier.status === "COMPLETED"
      ? earlier.completedOn
      : earlier.status === "TERMINATED"
        ? earlier.terminatedOn
        : null;
  return {
    label: `the ${ORDER_WORDS[earlier.orderType]} of ${formatDate(isoDateFromUtcDate(earlier.sentenceDate))} (${earlier.order.court})`,
    status: earlier.status,
    endedOn: ended ? isoDateFromUtcDate(ended) : null,
  };
}
