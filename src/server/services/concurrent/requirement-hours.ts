import { requiredMinutes, type OrderRelation, type RequirementHours, type RequirementStatus } from "@/domain";

// R1's "more than 300 hours outstanding" reads every requirement of the person: a concurrent pair
// counts once (outstandingAcrossRequirements, decision 0049), so each reader selects the relation too.

/** What R1 selects of each of the person's requirements. */
export const requirementHoursSelect = {
  id: true,
  status: true,
  hoursOrdered: true,
  minutesCredited: true,
  orderRelation: true,
  relatedRequirementId: true,
} as const;

export function toRequirementHours(r: {
  id: string;
  status: RequirementStatus;
  hoursOrdered: number;
  minutesCredited: number;
  orderRelation: OrderRelation | null;
  relatedRequirementId: string | null;
}): RequirementHours {
  return {
    id: r.id,
    status: r.status,
    requiredMinutes: requiredMinutes(r.hoursOrdered),
    minutesCredited: r.minutesCredited,
    concurrentWithId: r.orderRelation === "CONCURRENT" ? r.relatedRequirementId : null,
  };
}
