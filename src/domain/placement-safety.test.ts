import { describe, expect, it } from "vitest";
import { highRoshOnIndividualPlacement, isManOnWomenOnlyPlacement, riskConflicts } from "./placement-safety";

const RC = { code: "RC", title: "Risk to children", conflictsWith: ["CHILDREN_PRESENT"] as const };
const RW = { code: "RW", title: "Risk to women", conflictsWith: ["FEMALE_ONLY"] as const };

describe("R10 riskConflicts", () => {
  it("risk to children conflicts with children present", () => {
    const conflicts = riskConflicts({
      riskCodes: [RC],
      placementFeatures: ["CHILDREN_PRESENT", "TOOLS"],
      supervisorGender: "MALE",
    });
    expect(conflicts).toMatchObject([{ code: "RC", feature: "CHILDREN_PRESENT" }]);
    expect(conflicts[0]?.message).toContain("children are present");
  });

  it("risk to women conflicts with female-only placements", () => {
    expect(
      riskConflicts({ riskCodes: [RW], placementFeatures: ["FEMALE_ONLY"], supervisorGender: "FEMALE" }),
    ).toHaveLength(1);
  });

  it("risk to women conflicts with lone working only when the supervisor is a woman", () => {
    expect(
      riskConflicts({ riskCodes: [RW], placementFeatures: ["LONE_WORKING"], supervisorGender: "FEMALE" }),
    ).toMatchObject([{ code: "RW", feature: "LONE_WORKING" }]);
    expect(riskConflicts({ riskCodes: [RW], placementFeatures: ["LONE_WORKING"], supervisorGender: "MALE" })).toEqual(
      [],
    );
  });

  it("violence or weapon use conflicts with tools used, even if the catalogue leaves it out", () => {
    const VW = { code: "VW", title: "Violence or weapon use", conflictsWith: ["LONE_WORKING"] as const };
    expect(riskConflicts({ riskCodes: [VW], placementFeatures: ["TOOLS"], supervisorGender: "MALE" })).toMatchObject([
      { code: "VW", feature: "TOOLS" },
    ]);
    expect(
      riskConflicts({ riskCodes: [VW], placementFeatures: ["WELFARE_FACILITIES"], supervisorGender: "MALE" }),
    ).toEqual([]);
  });

  it("no conflict without the feature", () => {
    expect(riskConflicts({ riskCodes: [RC, RW], placementFeatures: ["TOOLS"], supervisorGender: "FEMALE" })).toEqual(
      [],
    );
  });
});

describe("R10 gender and RoSH checks", () => {
  it("a man cannot go on a female-only placement", () => {
    expect(isManOnWomenOnlyPlacement("MALE", ["FEMALE_ONLY"])).toBe(true);
    expect(isManOnWomenOnlyPlacement("FEMALE", ["FEMALE_ONLY"])).toBe(false);
    expect(isManOnWomenOnlyPlacement("MALE", ["TOOLS"])).toBe(false);
  });

  it("HIGH and VERY_HIGH RoSH on an individual placement", () => {
    expect(highRoshOnIndividualPlacement("HIGH", "INDIVIDUAL")).toBe(true);
    expect(highRoshOnIndividualPlacement("VERY_HIGH", "INDIVIDUAL")).toBe(true);
    expect(highRoshOnIndividualPlacement("MEDIUM", "INDIVIDUAL")).toBe(false);
    expect(highRoshOnIndividualPlacement("HIGH", "GROUP")).toBe(false);
  });
});
