import { describe, expect, it } from "vitest";
import {
  conflictsCausedByChange,
  groupSafetyConflicts,
  loneWomanOf,
  withLoneWomanConsent,
  type GroupMember,
  type SessionGroup,
} from "./group-safety";
import type { Gender } from "./vocabulary";

function member(key: string, gender: Gender, extra: Partial<GroupMember> = {}): GroupMember {
  return {
    key,
    personId: `p-${key}`,
    label: key,
    gender,
    riskCodes: [],
    nonAssociatedPersonIds: [],
    loneWomanConsent: false,
    ...extra,
  };
}

function group(members: GroupMember[], supervisorGender: Gender | null = "MALE"): SessionGroup {
  return { placementType: "GROUP", supervisorGender, members };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe("R10 lone woman, judged on the group", () => {
  it("a woman with men, or with only a male supervisor, is a lone woman; a female supervisor or another woman is not", () => {
    const w = member("W", "FEMALE");
    expect(loneWomanOf(group([w, member("M", "MALE")]))?.key).toBe("W");
    expect(loneWomanOf(group([w], "MALE"))?.key).toBe("W");
    expect(loneWomanOf(group([w, member("M", "MALE")], "FEMALE"))).toBeNull();
    expect(loneWomanOf(group([w, member("W2", "FEMALE"), member("M", "MALE")]))).toBeNull();
    expect(loneWomanOf(group([w], null))).toBeNull();
    expect(loneWomanOf(group([w, member("X", "OTHER")], "MALE"))).toBeNull();
    expect(loneWomanOf({ placementType: "INDIVIDUAL", supervisorGender: "MALE", members: [w] })).toBeNull();
  });

  it("consent recorded on her booking ends the conflict", () => {
    const g = group([member("W", "FEMALE"), member("M", "MALE")]);
    expect(groupSafetyConflicts(g).map((c) => c.code)).toEqual(["LONE_WOMAN_CONSENT_REQUIRED"]);
    expect(groupSafetyConflicts(withLoneWomanConsent(g))).toEqual([]);
  });

  it.each(permutations(["W", "M1", "M2", "M3"]).map((order) => [order.join(" → "), order]))(
    "in the booking order %s, the first booking that leaves her alone with men asks for consent",
    (_name, order) => {
      // A female supervisor, so only people on probation can make the group all-male.
      let current = group([], "FEMALE");
      let asked = 0;
      for (const key of order as string[]) {
        const next = group([...current.members, member(key, key === "W" ? "FEMALE" : "MALE")], "FEMALE");
        const caused = conflictsCausedByChange({ before: current, after: next, addedKeys: [key] });
        expect(caused).toEqual([]); // a female supervisor: never a lone woman
        current = next;
      }
      // Now the supervisor is changed to a man: that change asks for her consent, once.
      const withMan = { ...current, supervisorGender: "MALE" as const };
      const caused = conflictsCausedByChange({ before: current, after: withMan });
      asked += caused.filter((c) => c.code === "LONE_WOMAN_CONSENT_REQUIRED").length;
      expect(asked).toBe(1);
    },
  );

  it.each(permutations(["W", "M1", "M2"]).map((order) => [order.join(" → "), order]))(
    "with a male supervisor, in the order %s, every booking after hers asks for consent until it is recorded",
    (_name, order) => {
      let current = group([]);
      const refusedAt: string[] = [];
      for (const key of order as string[]) {
        const next = group([...current.members, member(key, key === "W" ? "FEMALE" : "MALE")]);
        const caused = conflictsCausedByChange({ before: current, after: next, addedKeys: [key] });
        if (caused.some((c) => c.code === "LONE_WOMAN_CONSENT_REQUIRED")) {
          refusedAt.push(key);
          current = withLoneWomanConsent(next); // the booking is made again with her consent recorded
        } else {
          current = next;
        }
      }
      // Whichever came first, the booking that created the situation asked once, and the end state is safe.
      expect(refusedAt).toHaveLength(1);
      expect(groupSafetyConflicts(current)).toEqual([]);
    },
  );
});

describe("R10 risk to women in a group", () => {
  it("conflicts with a woman in the group or a female supervisor, in either booking order", () => {
    const rw = member("R", "MALE", { riskCodes: ["RW"] });
    const w = member("W", "FEMALE", { loneWomanConsent: true });
    expect(groupSafetyConflicts(group([rw, w])).map((c) => c.code)).toEqual(["RISK_CONFLICT"]);
    expect(groupSafetyConflicts(group([w, rw])).map((c) => c.code)).toEqual(["RISK_CONFLICT"]);
    expect(groupSafetyConflicts(group([rw], "FEMALE")).map((c) => c.code)).toEqual(["RISK_CONFLICT"]);
    expect(groupSafetyConflicts(group([rw, member("M", "MALE")], "MALE"))).toEqual([]);
  });

  it("booking a woman into a group with an RW person is a conflict caused by her booking", () => {
    const before = group([member("R", "MALE", { riskCodes: ["RW"] }), member("M", "MALE")]);
    const after = group([...before.members, member("W", "FEMALE"), member("W2", "FEMALE")]);
    expect(conflictsCausedByChange({ before, after, addedKeys: ["W2"] }).map((c) => c.code)).toEqual(["RISK_CONFLICT"]);
  });
});

describe("R10 non-association", () => {
  it("named people are never on the same session, whichever assessment names whom", () => {
    const a = member("A", "MALE", { nonAssociatedPersonIds: ["p-B"] });
    const b = member("B", "MALE");
    expect(groupSafetyConflicts(group([a, b])).map((c) => c.code)).toEqual(["NON_ASSOCIATION"]);
    expect(groupSafetyConflicts(group([b, a])).map((c) => c.code)).toEqual(["NON_ASSOCIATION"]);
    expect(groupSafetyConflicts(group([a, member("C", "MALE")]))).toEqual([]);
  });
});
