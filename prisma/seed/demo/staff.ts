// Demo staff: the sign-ins of docs/domain.md §7 plus, in every region, one manager, two
// coordinators and three or four supervisors (a mix of men and women, so the R10 rule
// about a woman working alone with a supervisor has something to bite on).
import type { Gender } from "@/generated/prisma/enums";
import { DEMO_SIGN_INS } from "../demo-users";
import { pickName } from "./names";
import type { Random } from "./random";
import type { DemoRows, RegionStaff, StaffMember } from "./types";

type RegionRef = { code: string; id: string; pduIds: string[] };

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z]/g, "");

export function planStaff(
  rng: Random,
  regions: RegionRef[],
  passwordHash: string,
  rows: DemoRows,
): { byRegion: Map<string, RegionStaff>; demoUserIds: Map<string, string> } {
  const demoUserIds = new Map<string, string>();
  const usedEmails = new Set<string>();
  const regionId = new Map(regions.map((r) => [r.code, r.id]));

  const addUser = (input: {
    email: string;
    name: string;
    role: DemoRows["users"][number]["role"];
    regionCode: string | null;
    gender: Gender;
    pduId: string | null;
  }): StaffMember => {
    const id = rng.uuid();
    usedEmails.add(input.email);
    rows.users.push({
      id,
      email: input.email,
      name: input.name,
      passwordHash,
      role: input.role,
      regionId: input.regionCode ? (regionId.get(input.regionCode) ?? null) : null,
      pduId: input.pduId,
      gender: input.gender,
      phone: `07700 9${String(rng.int(0, 99999)).padStart(5, "0")}`,
    });
    return { id, name: input.name, gender: input.gender, pduId: input.pduId };
  };

  const fromSignIns = new Map<string, StaffMember>();
  for (const signIn of DEMO_SIGN_INS) {
    const region = regions.find((r) => r.code === signIn.regionCode);
    const member = addUser({ ...signIn, pduId: region ? rng.pick(region.pduIds) : null });
    demoUserIds.set(signIn.email, member.id);
    fromSignIns.set(signIn.email, member);
  }

  const generated = (
    region: RegionRef,
    role: "MANAGER" | "COORDINATOR" | "SUPERVISOR",
    gender: Gender,
  ): StaffMember => {
    const { firstName, lastName } = pickName(rng, region.code, gender);
    let email = `${slug(firstName)}.${slug(lastName)}.${region.code.toLowerCase()}@demo.test`;
    for (let n = 2; usedEmails.has(email); n++)
      email = `${slug(firstName)}.${slug(lastName)}${n}.${region.code.toLowerCase()}@demo.test`;
    return addUser({
      email,
      name: `${firstName} ${lastName}`,
      role,
      regionCode: region.code,
      gender,
      pduId: rng.pick(region.pduIds),
    });
  };

  const byRegion = new Map<string, RegionStaff>();
  for (const region of regions) {
    const manager =
      region.code === "LON"
        ? fromSignIns.get("manager@demo.test")
        : region.code === "WAL"
          ? fromSignIns.get("manager.wales@demo.test")
          : undefined;
    const coordinators = region.code === "LON" ? [fromSignIns.get("coordinator@demo.test")] : [];
    const supervisors = region.code === "LON" ? [fromSignIns.get("supervisor@demo.test")] : [];
    const staff: RegionStaff = {
      manager: manager ?? generated(region, "MANAGER", rng.chance(0.5) ? "FEMALE" : "MALE"),
      coordinators: coordinators.filter((c): c is StaffMember => Boolean(c)),
      supervisors: supervisors.filter((s): s is StaffMember => Boolean(s)),
    };
    while (staff.coordinators.length < 2)
      staff.coordinators.push(generated(region, "COORDINATOR", rng.chance(0.6) ? "FEMALE" : "MALE"));
    const supervisorCount = rng.int(3, 4);
    // At least one woman among the supervisors (women's placements are supervised by women).
    while (staff.supervisors.length < supervisorCount) {
      const gender: Gender = staff.supervisors.some((s) => s.gender === "FEMALE")
        ? rng.chance(0.35)
          ? "FEMALE"
          : "MALE"
        : "FEMALE";
      staff.supervisors.push(generated(region, "SUPERVISOR", gender));
    }
    byRegion.set(region.code, staff);
  }
  return { byRegion, demoUserIds };
}
