import type { Gender, PlacementFeature } from "@/generated/prisma/enums";
import { riskConflicts } from "@/domain/placement-safety";

// R10 for one session: which of its placement's features a person's risk code conflicts with.
// Shared by the supervisor's session cards (a count) and the roster (per person).

type SessionSafetyContext = { placementFeatures: readonly PlacementFeature[]; supervisorGender: Gender | null };

/** R10 via the domain: the placement features this one risk code conflicts with on this session. */
export function featuresInConflict(
  riskCode: { code: string; conflictsWith: readonly PlacementFeature[] },
  context: SessionSafetyContext,
): PlacementFeature[] {
  return riskConflicts({ riskCodes: [riskCode], ...context }).map((conflict) => conflict.feature);
}
