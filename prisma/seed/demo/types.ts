// Shapes shared by the demo builders. The demo is planned in memory (plain objects with
// ids drawn from the seeded generator), then written with a few bulk inserts.
import type { Prisma } from "@/generated/prisma/client";
import type { Gender, PlacementFeature, PlacementType } from "@/generated/prisma/enums";
import type { DayOfWeek } from "@/domain/dates";
import type { TimeOfDay } from "@/domain/time-of-day";

export type StaffMember = { id: string; name: string; gender: Gender; pduId: string | null };

export type RegionStaff = {
  manager: StaffMember;
  coordinators: StaffMember[];
  supervisors: StaffMember[];
};

export type RegionContext = {
  code: string;
  id: string;
  pdus: { id: string; code: string; name: string; town: string; postcodeDistricts: readonly string[] }[];
  courts: readonly string[];
  staff: RegionStaff;
  /** Filled once placements are planned. */
  placements: PlacementPlan[];
};

export type PlacementPlan = {
  id: string;
  regionCode: string;
  pduId: string;
  name: string;
  type: PlacementType;
  features: PlacementFeature[];
  capacity: number;
  weekdays: DayOfWeek[];
  startTime: TimeOfDay;
  endTime: TimeOfDay;
  pickUpPoint: string | null;
  pickUpTime: TimeOfDay | null;
  /**
   * The supervisors who may run it on a day of the week (index 0 = Sunday), first choice first;
   * the session book gives each session the first one not already running a session then.
   */
  supervisorsFor: (day: DayOfWeek) => string[];
};

/** Every row the demo writes, in insert order. */
export type DemoRows = {
  users: Prisma.UserCreateManyInput[];
  beneficiaries: Prisma.BeneficiaryCreateManyInput[];
  placements: Prisma.PlacementCreateManyInput[];
  sessions: Prisma.SessionCreateManyInput[];
  people: Prisma.PersonCreateManyInput[];
  orders: Prisma.OrderCreateManyInput[];
  requirements: Prisma.RequirementCreateManyInput[];
  access: Prisma.RequirementAccessCreateManyInput[];
  assessments: Prisma.AssessmentCreateManyInput[];
  assessmentRiskCodes: Prisma.AssessmentRiskCodeCreateManyInput[];
  allocations: Prisma.AllocationCreateManyInput[];
  attendances: Prisma.AttendanceCreateManyInput[];
  eteCredits: Prisma.EteCreditCreateManyInput[];
  enforcementActions: Prisma.EnforcementActionCreateManyInput[];
  enforcementOutcomes: Prisma.EnforcementOutcomeCreateManyInput[];
  extensions: Prisma.ExtensionCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  approvals: Prisma.ApprovalCreateManyInput[];
  notes: Prisma.CaseNoteCreateManyInput[];
  incidents: Prisma.IncidentCreateManyInput[];
};

export function emptyRows(): DemoRows {
  return {
    users: [],
    beneficiaries: [],
    placements: [],
    sessions: [],
    people: [],
    orders: [],
    requirements: [],
    access: [],
    assessments: [],
    assessmentRiskCodes: [],
    allocations: [],
    attendances: [],
    eteCredits: [],
    enforcementActions: [],
    enforcementOutcomes: [],
    extensions: [],
    reviews: [],
    approvals: [],
    notes: [],
    incidents: [],
  };
}

export type { DayOfWeek, TimeOfDay };
