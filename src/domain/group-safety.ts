// R10 made order-independent: the safety of a session is judged on the whole group that a
// booking, a move or a change of supervisor would leave, never on one booking alone, so the
// answer does not depend on who was booked first.
//
// - Lone woman: one woman among people who are all men — the supervisor counts (a male
//   supervisor makes the group all-male; a female supervisor means she is not the only woman).
//   Her recorded consent is needed, whichever booking creates the situation.
// - Risk to women (RW) on a group placement: not with a female supervisor, and not with a
//   woman in the group (lone working with a female supervisor is a placement conflict, see
//   riskConflicts).
// - Non-association: people named in either person's assessment are never on the same session.

import type { Gender, PlacementType } from "./vocabulary";

export interface GroupMember {
  /** Identifies the member in the answer (the booking's id, or any key for one not yet made). */
  key: string;
  personId: string;
  /** How messages name the person (e.g. the CRN). */
  label: string;
  gender: Gender;
  riskCodes: readonly string[];
  /** People (person ids) named in this person's assessment as not to be placed with them. */
  nonAssociatedPersonIds: readonly string[];
  /** Recorded on her booking: she agreed to be the only woman in the group. */
  loneWomanConsent: boolean;
}

export interface SessionGroup {
  placementType: PlacementType;
  supervisorGender: Gender | null;
  members: readonly GroupMember[];
}

export type GroupConflictCode = "LONE_WOMAN_CONSENT_REQUIRED" | "RISK_CONFLICT" | "NON_ASSOCIATION";

export interface GroupConflict {
  code: GroupConflictCode;
  /** The members the conflict is about (the woman; the RW person and the women; the two people). */
  memberKeys: string[];
  message: string;
}

/** A stable identity for a conflict, to compare a group before and after a change. */
export function conflictIdentity(conflict: GroupConflict): string {
  return `${conflict.code}:${[...conflict.memberKeys].sort().join(",")}`;
}

// R10
/** The one woman in a group whose everyone else (supervisor included) is a man; null if there is none. */
export function loneWomanOf(group: SessionGroup): GroupMember | null {
  if (group.placementType !== "GROUP") return null;
  const women = group.members.filter((m) => m.gender === "FEMALE");
  const woman = women[0];
  if (women.length !== 1 || !woman) return null;
  const others: (Gender | null)[] = group.members.filter((m) => m !== woman).map((m) => m.gender);
  if (group.supervisorGender !== null) others.push(group.supervisorGender);
  return others.length > 0 && others.every((g) => g === "MALE") ? woman : null;
}

// R10
/** Every safety conflict in the group as it stands. */
export function groupSafetyConflicts(group: SessionGroup): GroupConflict[] {
  const conflicts: GroupConflict[] = [];
  const woman = loneWomanOf(group);
  if (woman && !woman.loneWomanConsent) {
    const withWhom =
      group.members.length > 1 ? "the other people booked are men" : "the only other person is the male supervisor";
    conflicts.push({
      code: "LONE_WOMAN_CONSENT_REQUIRED",
      memberKeys: [woman.key],
      message: `${woman.label} would be the only woman on this session (${withWhom}). Record that she has agreed to this, on her booking, first.`,
    });
  }
  if (group.placementType === "GROUP") {
    for (const member of group.members) {
      if (!member.riskCodes.includes("RW")) continue;
      const women = group.members.filter((m) => m !== member && m.gender === "FEMALE");
      const withFemaleSupervisor = group.supervisorGender === "FEMALE";
      if (women.length === 0 && !withFemaleSupervisor) continue;
      const who = [
        ...(withFemaleSupervisor ? ["a female supervisor"] : []),
        ...(women.length > 0
          ? [
              `${women.length === 1 ? "a woman" : `${women.length} women`} in the group (${women.map((w) => w.label).join(", ")})`,
            ]
          : []),
      ].join(" and ");
      conflicts.push({
        code: "RISK_CONFLICT",
        memberKeys: [member.key, ...women.map((w) => w.key)],
        message: `${member.label} has the risk code RW (risk to women), and this session has ${who}.`,
      });
    }
  }
  const members = group.members;
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i];
      const b = members[j];
      if (!a || !b) continue;
      if (a.nonAssociatedPersonIds.includes(b.personId) || b.nonAssociatedPersonIds.includes(a.personId)) {
        conflicts.push({
          code: "NON_ASSOCIATION",
          memberKeys: [a.key, b.key],
          message: `${a.label} and ${b.label} must not be placed together (non-association recorded in an assessment).`,
        });
      }
    }
  }
  return conflicts;
}

/** Marks the lone woman of the group (if any) as having consented: what "consent recorded" on a booking does. */
export function withLoneWomanConsent(group: SessionGroup): SessionGroup {
  const woman = loneWomanOf(group);
  if (!woman) return group;
  return { ...group, members: group.members.map((m) => (m === woman ? { ...m, loneWomanConsent: true } : m)) };
}

// R10
/**
 * What a change to a group (a booking, a move in, a new supervisor) must answer for: every
 * conflict in the resulting group that is new, or that involves one of the members the change
 * adds. A lone woman without consent always counts, whoever's booking leaves her so.
 */
export function conflictsCausedByChange(input: {
  before: SessionGroup;
  after: SessionGroup;
  addedKeys?: readonly string[];
}): GroupConflict[] {
  const existing = new Set(groupSafetyConflicts(input.before).map(conflictIdentity));
  const added = new Set(input.addedKeys ?? []);
  return groupSafetyConflicts(input.after).filter(
    (c) =>
      c.code === "LONE_WOMAN_CONSENT_REQUIRED" ||
      !existing.has(conflictIdentity(c)) ||
      c.memberKeys.some((k) => added.has(k)),
  );
}
