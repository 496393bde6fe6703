import "server-only";
import { formatDate, isoDateFromUtcDate, type EarlierRequirement } from "@/domain";
import type { Tx } from "@/server/db/create-client";

const ORDER_WORDS = {
  COMMUNITY_ORDER: "community order",
  SUSPENDED_SENTENCE_ORDER: "suspended sentence order",
} as const;

/** The earlier requirement's row, as loadRunsAfter reads it (and the allocation page's one statement). */
export type EarlierRequirementRow = {
  status: EarlierRequirement["status"];
  completedOn: Date | null;
  terminatedOn: Date | null;
  sentenceDate: Date;
  orderType: keyof typeof ORDER_WORDS;
  order: { court: string };
};

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
  return requirement?.orderRelation === "CONSECUTIVE" ? earlierRequirementOf(requirement.relatedRequirement) : null;
}

/** A consecutive requirement's earlier one in the rule's terms (null when there is none). */
export function earlierRequirementOf(earlier: EarlierRequirementRow | null): EarlierRequirement | null {
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
