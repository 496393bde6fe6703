import "server-only";
import { isoDateFromUtcDate, todayInLondon, utcDateFromIsoDate } from "@/domain";
import { workInstruction, type WorkInstruction } from "@/domain/work-instruction";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { deriveRequirementViews } from "./requirement-facts";

// Work instructions: a case's booked sessions, and the instruction for one of them. The office
// to call is the case's placement coordinator, else whoever made the booking (both are staff
// of the region, with the phone and email the administrators keep).

const staffSelect = { select: { name: true, phone: true, email: true } } as const;

/** The case's booked sessions from today, each with its instruction's address; null when not visible. */
export async function listWorkInstructions(user: AppUser, caseId: string) {
  const requirement = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: caseId }] },
    select: {
      id: true,
      person: { select: { firstName: true, lastName: true, crn: true } },
      allocations: {
        where: { status: "BOOKED", sessionDate: { gte: utcDateFromIsoDate(todayInLondon()) } },
        select: {
          id: true,
          sessionDate: true,
          session: { select: { startTime: true, endTime: true, placement: { select: { name: true } } } },
        },
        orderBy: [{ sessionDate: "asc" }],
      },
    },
  });
  if (!requirement) return null;
  return {
    id: requirement.id,
    person: requirement.person,
    allocations: requirement.allocations.map((a) => ({
      id: a.id,
      date: isoDateFromUtcDate(a.sessionDate),
      startTime: a.session.startTime,
      endTime: a.session.endTime,
      placementName: a.session.placement.name,
    })),
  };
}

/** One booked session's work instruction, in the words of src/domain/work-instruction.ts; null when not visible. */
export async function loadWorkInstruction(
  user: AppUser,
  caseId: string,
  allocationId: string,
): Promise<{ caseId: string; allocationId: string; date: string; instruction: WorkInstruction } | null> {
  const allocation = await db.allocation.findFirst({
    where: { id: allocationId, status: "BOOKED", requirementId: caseId, requirement: visibleRequirementsWhere(user) },
    select: {
      id: true,
      createdById: true,
      session: {
        select: {
          date: true,
          startTime: true,
          endTime: true,
          pickUpPoint: true,
          pickUpTime: true,
          placement: {
            select: {
              name: true,
              type: true,
              address: true,
              postcode: true,
              description: true,
              whatToBring: true,
              region: { select: { name: true } },
            },
          },
        },
      },
      requirement: {
        select: {
          id: true,
          coordinator: staffSelect,
          person: { select: { firstName: true, lastName: true, crn: true } },
        },
      },
    },
  });
  if (!allocation) return null;
  const booker = allocation.createdById
    ? await db.user.findUnique({ where: { id: allocation.createdById }, ...staffSelect })
    : null;
  const office = allocation.requirement.coordinator ?? booker;
  const { session, requirement } = allocation;
  const date = isoDateFromUtcDate(session.date);
  const issuedOn = todayInLondon();
  const view = (await deriveRequirementViews(user, [requirement.id], issuedOn)).get(requirement.id);
  return {
    caseId: requirement.id,
    allocationId: allocation.id,
    date,
    instruction: workInstruction({
      personName: `${requirement.person.firstName} ${requirement.person.lastName}`,
      crn: requirement.person.crn,
      session: {
        date,
        startTime: session.startTime,
        endTime: session.endTime,
        pickUpPoint: session.pickUpPoint,
        pickUpTime: session.pickUpTime,
      },
      placement: {
        name: session.placement.name,
        kind: session.placement.type,
        address: session.placement.address,
        postcode: session.placement.postcode,
        description: session.placement.description,
        whatToBring: session.placement.whatToBring,
      },
      office: {
        name: office?.name ?? "Your unpaid work office",
        phone: office?.phone ?? null,
        email: office?.email ?? null,
        region: session.placement.region.name,
      },
      issuedOn,
      ...(view
        ? {
            hours: {
              requiredMinutes: view.requiredMinutes,
              creditedMinutes: view.minutesCredited,
              earnedReduction: view.earnedReduction,
            },
          }
        : {}),
    }),
  };
}
