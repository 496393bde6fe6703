// Demo placements: in every region at least one of each type (GROUP, INDIVIDUAL,
// INDUCTION, ETE) with a beneficiary, address, features and a weekly timetable. Group work
// parties run on weekdays and Saturdays, 09:00–16:00 (7 hours, docs/domain.md §2).
import type { PlacementFeature, PlacementType } from "@/generated/prisma/enums";
import type { DayOfWeek } from "@/domain/dates";
import type { RegionSeed } from "../data/regions";
import type { Random } from "./random";
import type { DemoRows, PlacementPlan, RegionContext } from "./types";

type Template = {
  type: PlacementType;
  name: string;
  beneficiary: { name: string; kind: string } | null;
  landmark: string;
  features: PlacementFeature[];
  capacity: number;
  weekdays: DayOfWeek[];
  times: [string, string];
  minibus: boolean;
  description: string;
  whatToBring: string;
  /** Supervised by a woman (women-only placements). */
  femaleSupervisor?: boolean;
};

const OUTDOOR_KIT =
  "Sturdy boots or trainers, clothes for outdoor work and the weather, a packed lunch. We provide gloves, hi-vis and tools.";
const INDOOR_KIT = "Comfortable clothes you can get dusty, a packed lunch. Bring photo ID on your first day.";

function templatesFor(region: RegionSeed, town: (i: number) => string): Template[] {
  const canalTrust = region.code === "WAL" ? "Glandŵr Cymru – Canal & River Trust in Wales" : "Canal & River Trust";
  const [park0 = "Park", park1 = park0, park2 = park1] = region.parks;
  const groups: Template[] = [
    {
      type: "GROUP",
      name: `${park0} conservation work party`,
      beneficiary: { name: `${park0} Friends Group`, kind: "Park" },
      landmark: park0,
      features: ["TOOLS", "WELFARE_FACILITIES"],
      capacity: 10,
      weekdays: [1, 3, 6],
      times: ["09:00", "16:00"],
      minibus: true,
      description: "Clearing scrub, path repairs and litter picking across the park with the rangers.",
      whatToBring: OUTDOOR_KIT,
    },
    {
      type: "GROUP",
      name: `${region.waterway} clearance`,
      beneficiary: { name: canalTrust, kind: "Canal trust" },
      landmark: region.waterway,
      features: ["TOOLS"],
      capacity: 8,
      weekdays: [2, 4, 6],
      times: ["09:00", "16:00"],
      minibus: true,
      description: "Cutting back vegetation, clearing litter and painting lock gear along the towpath.",
      whatToBring: OUTDOOR_KIT,
    },
    {
      type: "GROUP",
      name: `${region.church} grounds maintenance`,
      beneficiary: { name: region.church, kind: "Church" },
      landmark: region.church,
      features: ["TOOLS", "WELFARE_FACILITIES"],
      capacity: 6,
      weekdays: [3, 5],
      times: ["09:00", "16:00"],
      minibus: false,
      description: "Grass cutting, hedge trimming and repainting railings in the churchyard.",
      whatToBring: OUTDOOR_KIT,
    },
    {
      type: "GROUP",
      name: `${region.school} grounds and painting`,
      beneficiary: { name: region.school, kind: "School" },
      landmark: region.school,
      features: ["CHILDREN_PRESENT", "TOOLS", "WELFARE_FACILITIES"],
      capacity: 6,
      weekdays: [2, 6],
      times: ["09:00", "16:00"],
      minibus: false,
      description: "Painting classrooms and fences, building raised beds; children may be on site for clubs.",
      whatToBring: OUTDOOR_KIT,
    },
  ];
  if (region.code === "LON") {
    groups.push(
      {
        type: "GROUP",
        name: `${park1} community garden`,
        beneficiary: { name: `${park1} Community Garden`, kind: "Community garden" },
        landmark: park1,
        features: ["TOOLS", "WELFARE_FACILITIES", "VULNERABLE_ADULTS"],
        capacity: 8,
        weekdays: [2, 4, 6],
        times: ["09:00", "16:00"],
        minibus: false,
        description: "Growing beds, composting and maintenance alongside the garden's volunteers.",
        whatToBring: OUTDOOR_KIT,
      },
      {
        type: "GROUP",
        name: `${park2} litter and graffiti team`,
        beneficiary: { name: `${town(4)} Council Parks Service`, kind: "Park" },
        landmark: park2,
        features: ["TOOLS"],
        capacity: 10,
        weekdays: [1, 5, 6],
        times: ["09:00", "16:00"],
        minibus: true,
        description: "Graffiti removal and litter picks in and around the park.",
        whatToBring: OUTDOOR_KIT,
      },
    );
  }
  return [
    ...groups,
    {
      type: "INDIVIDUAL",
      name: `${town(0)} charity shop`,
      beneficiary: { name: "British Heart Foundation", kind: "Charity shop" },
      landmark: `High Street, ${town(0)}`,
      features: ["WELFARE_FACILITIES"],
      capacity: 2,
      weekdays: [1, 2, 3, 4, 5],
      times: ["09:30", "15:30"],
      minibus: false,
      description: "Sorting donations, steaming and pricing stock, keeping the stockroom tidy.",
      whatToBring: INDOOR_KIT,
    },
    {
      type: "INDIVIDUAL",
      name: `${town(1)} food bank warehouse`,
      beneficiary: { name: `${town(1)} Foodbank`, kind: "Food bank" },
      landmark: `Trinity Methodist Hall, ${town(1)}`,
      features: ["WELFARE_FACILITIES", "VULNERABLE_ADULTS"],
      capacity: 3,
      weekdays: [2, 3, 4],
      times: ["09:30", "15:30"],
      minibus: false,
      description: "Checking dates, packing food parcels and loading deliveries.",
      whatToBring: INDOOR_KIT,
    },
    {
      type: "INDIVIDUAL",
      name: `${town(2)} women's centre garden and decorating`,
      beneficiary: { name: `${town(2)} Women's Centre`, kind: "Women's centre" },
      landmark: `${town(2)} Women's Centre`,
      features: ["FEMALE_ONLY", "WELFARE_FACILITIES", "TOOLS"],
      capacity: 4,
      weekdays: [1, 4],
      times: ["10:00", "15:00"],
      minibus: false,
      description: "Women-only placement: decorating, gardening and helping at the centre's café.",
      whatToBring: INDOOR_KIT,
      femaleSupervisor: true,
    },
    {
      type: "INDUCTION",
      name: `Unpaid work induction — ${town(0)} probation office`,
      beneficiary: null,
      landmark: `Probation Office, ${town(0)}`,
      features: ["WELFARE_FACILITIES"],
      capacity: 12,
      weekdays: [2, 4],
      times: ["10:00", "13:00"],
      minibus: false,
      description: "Health and safety, what to expect on site, rules and how absences are handled.",
      whatToBring: "Photo ID and details of any medication you take.",
    },
    {
      type: "ETE",
      name: `Employability and CSCS card course — ${region.college}`,
      beneficiary: { name: region.college, kind: "College" },
      landmark: region.college,
      features: ["WELFARE_FACILITIES"],
      capacity: 10,
      weekdays: [3],
      times: ["10:00", "15:00"],
      minibus: false,
      description: "Construction site safety card, CV writing and interview practice; counts as ETE hours.",
      whatToBring: "Photo ID, a pen and any certificates you already have.",
    },
  ];
}

const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

export function planPlacements(
  rng: Random,
  seed: RegionSeed,
  region: RegionContext,
  rows: DemoRows,
  demoSupervisorId: string | null,
): PlacementPlan[] {
  const pduAt = (i: number) => region.pdus[i % region.pdus.length] ?? region.pdus[0];
  const town = (i: number) => pduAt(i)?.town ?? seed.name;
  const supervisors = region.staff.supervisors;
  const women = supervisors.filter((s) => s.gender === "FEMALE");

  return templatesFor(seed, town).map((template, index) => {
    const pdu = pduAt(index);
    if (!pdu) throw new Error(`Region ${seed.code} has no PDUs`);
    const id = rng.uuid();
    let beneficiaryId: string | null = null;
    if (template.beneficiary) {
      beneficiaryId = rng.uuid();
      rows.beneficiaries.push({
        id: beneficiaryId,
        regionId: region.id,
        name: template.beneficiary.name,
        kind: template.beneficiary.kind,
        contactName: null,
        contactPhone: `0${rng.int(1000, 2999)} ${rng.int(100000, 999999)}`,
      });
    }
    const district = rng.pick(pdu.postcodeDistricts);
    const postcode = `${district} ${rng.int(1, 9)}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`;
    const [startTime, endTime] = template.times;
    // The demo supervisor runs the first London work party every day it meets, so that
    // supervisor@demo.test always has sessions this week, and no other session (issue 13:
    // they once ran eight at once; a supervisor's sessions never overlap, as the
    // SUPERVISOR_DOUBLE_BOOKED rule demands).
    const fixed = demoSupervisorId && index === 0 ? demoSupervisorId : null;
    const pool = (template.femaleSupervisor && women.length > 0 ? women : supervisors).filter(
      (s) => s.id !== demoSupervisorId,
    );
    const supervisorsFor = (day: number): string[] =>
      fixed ? [fixed] : pool.map((_, i) => pool[(index + day + i) % pool.length]?.id ?? "").filter(Boolean);
    rows.placements.push({
      id,
      name: template.name,
      type: template.type,
      regionId: region.id,
      pduId: pdu.id,
      beneficiaryId,
      address: `${template.landmark}, ${pdu.town}`,
      postcode,
      description: template.description,
      whatToBring: template.whatToBring,
      capacity: template.capacity,
      features: template.features,
      needsMinibus: template.minibus,
      active: true,
    });
    return {
      id,
      regionCode: seed.code,
      pduId: pdu.id,
      name: template.name,
      type: template.type,
      features: template.features,
      capacity: template.capacity,
      weekdays: template.weekdays,
      startTime,
      endTime,
      pickUpPoint: template.minibus ? `${pdu.town} probation office car park` : null,
      pickUpTime: template.minibus ? "08:30" : null,
      supervisorsFor,
    };
  });
}
