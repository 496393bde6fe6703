// R10's safeguarding checks on the placement: risk codes against placement features,
// women-only placements, and high RoSH on individual placements. Checks on the group of
// people booked together (a lone woman, risk to women, non-association) are in group-safety.

import type { Gender, PlacementFeature, PlacementType, RoshLevel } from "./vocabulary";

/** A person's risk code with the features the national catalogue says it conflicts with. */
export interface PersonRiskCode {
  code: string;
  title?: string;
  conflictsWith: readonly PlacementFeature[];
}

/**
 * Conflicts the rules themselves name (second round), held even if the catalogue's list
 * leaves them out: violence or weapon use (VW) conflicts with tools used.
 */
const RULE_CONFLICTS: Readonly<Record<string, readonly PlacementFeature[]>> = {
  VW: ["TOOLS"],
};

export interface RiskConflict {
  code: string;
  feature: PlacementFeature;
  message: string;
}

const FEATURE_WORDS: Readonly<Record<PlacementFeature, string>> = {
  CHILDREN_PRESENT: "children are present",
  VULNERABLE_ADULTS: "vulnerable adults are present",
  LONE_WORKING: "the work is done alone with the supervisor",
  FEMALE_ONLY: "it is a female-only placement",
  WELFARE_FACILITIES: "it has welfare facilities",
  TOOLS: "tools are used",
};

// R10
/**
 * Risk codes that conflict with the placement: each catalogue conflict, plus the rule
 * that risk to women (RW) conflicts with lone working when the supervisor is a woman.
 */
export function riskConflicts(input: {
  riskCodes: readonly PersonRiskCode[];
  placementFeatures: readonly PlacementFeature[];
  supervisorGender: Gender | null;
}): RiskConflict[] {
  const features = new Set(input.placementFeatures);
  const conflicts: RiskConflict[] = [];
  for (const risk of input.riskCodes) {
    const label = risk.title ? `${risk.code} (${risk.title})` : risk.code;
    for (const feature of new Set([...risk.conflictsWith, ...(RULE_CONFLICTS[risk.code] ?? [])])) {
      if (features.has(feature)) {
        conflicts.push({ code: risk.code, feature, message: `Risk code ${label}: ${FEATURE_WORDS[feature]}.` });
      }
    }
    if (risk.code === "RW" && features.has("LONE_WORKING") && input.supervisorGender === "FEMALE") {
      if (!conflicts.some((c) => c.code === "RW" && c.feature === "LONE_WORKING")) {
        conflicts.push({
          code: "RW",
          feature: "LONE_WORKING",
          message: `Risk code ${label}: they would be working alone with a female supervisor.`,
        });
      }
    }
  }
  return conflicts;
}

// R10
/** A man cannot be placed on a female-only placement (no override). */
export function isManOnWomenOnlyPlacement(
  personGender: Gender,
  placementFeatures: readonly PlacementFeature[],
): boolean {
  return personGender === "MALE" && placementFeatures.includes("FEMALE_ONLY");
}

// R10
/** HIGH or VERY_HIGH risk of serious harm on an individual placement needs a manager's approval. */
export function highRoshOnIndividualPlacement(rosh: RoshLevel | null, placementType: PlacementType): boolean {
  return placementType === "INDIVIDUAL" && (rosh === "HIGH" || rosh === "VERY_HIGH");
}
