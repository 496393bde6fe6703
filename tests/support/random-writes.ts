// Random writes of every kind the figures and case views read, straight to the tables (as an
// administrator's SQL or a script could), for the property tests of the figure facts (decision 0090)
// and the kept case views (0101). `world` holds the regions, placements and cases they write to.
import { testDb } from "./db";
import { makeAllocation, makeAttendance, makeCase, makeSession, type TestRegion } from "./factories";
import { addDays, todayInLondon, utcDateFromIsoDate as d, type IsoDate } from "@/domain";

const today: IsoDate = todayInLondon();

export type WriteWorld = {
  regions: TestRegion[];
  userId: string;
  placements: Map<string, string>;
  requirements: { id: string; orderId: string; personId: string; region: TestRegion }[];
};

/** The regions, placements and cases the writes go to (each test file fills its own in beforeAll). */
export const world: WriteWorld = { regions: [], userId: "", placements: new Map(), requirements: [] };

export async function addCase(region: TestRegion, sentencedDaysAgo: number) {
  const made = await makeCase(region, {
    sentenceDate: addDays(today, -sentencedDaysAgo),
    hoursOrdered: 40 + (sentencedDaysAgo % 5) * 20,
    managedBy: sentencedDaysAgo % 2 === 0 ? "STANDALONE_UPW" : "SENTENCE_MANAGEMENT",
  });
  world.requirements.push({ id: made.requirementId, orderId: made.orderId, personId: made.personId, region });
  return made;
}

export async function attend(
  requirementId: string,
  region: TestRegion,
  daysAgo: number,
  outcome: "ATTENDED_COMPLIED" | "UNACCEPTABLE_ABSENCE" | "ATTENDED_SENT_HOME_SERVICE",
  minutes: number,
) {
  const session = await makeSession(world.placements.get(region.id) ?? "", {
    date: addDays(today, -daysAgo),
    capacity: 40,
  });
  const allocation = await makeAllocation(session.id, requirementId);
  return makeAttendance(allocation.id, { outcome, minutesCredited: minutes });
}

export type Write = { kind: (typeof KINDS)[number]; pick: number; n: number };
export const KINDS = [
  "attendance",
  "absence",
  "correction",
  "ete",
  "extension",
  "breach",
  "warning",
  "courtOutcome",
  "standDown",
  "transfer",
  "newCase",
  "complete",
  "review",
  "person",
  "rolledBack",
] as const;

export async function apply(write: Write): Promise<void> {
  const target = world.requirements[write.pick % world.requirements.length];
  if (!target) throw new Error("no requirements");
  const days = 1 + (write.n % 60);
  switch (write.kind) {
    case "attendance":
      await attend(target.id, target.region, days, "ATTENDED_COMPLIED", 60 + (write.n % 4) * 60);
      return;
    case "absence":
      await attend(target.id, target.region, days, "UNACCEPTABLE_ABSENCE", 0);
      return;
    case "correction": {
      const attendance = await testDb.attendance.findFirst({
        where: { requirementId: target.id },
        orderBy: { sessionDate: "desc" },
      });
      if (attendance)
        await testDb.attendance.update({
          where: { id: attendance.id },
          data: { outcome: "ATTENDED_COMPLIED", minutesCredited: 30 + (write.n % 5) * 30 },
        });
      return;
    }
    case "ete":
      await testDb.eteCredit.create({
        data: {
          requirementId: target.id,
          date: d(addDays(today, -days)),
          minutes: 60 * (1 + (write.n % 3)),
          activity: "Course",
        },
      });
      return;
    case "extension":
      await testDb.extension.create({
        data: {
          requirementId: target.id,
          grantedOn: d(addDays(today, -days)),
          newEndDate: d(addDays(today, write.n % 2 === 0 ? 20 : 200)),
          court: "Test Court",
          reason: "More time",
        },
      });
      return;
    case "breach":
    case "warning":
      await testDb.enforcementAction.create({
        data: {
          requirementId: target.id,
          orderId: target.orderId,
          type: write.kind === "breach" ? "BREACH" : "WARNING",
          date: d(addDays(today, -days)),
          failureDate: d(addDays(today, -days)),
          failureDescription: "Missed",
        },
      });
      return;
    case "courtOutcome": {
      const action = await testDb.enforcementAction.findFirst({ where: { requirementId: target.id, type: "BREACH" } });
      if (action)
        await testDb.enforcementOutcome.create({
          data: {
            actionId: action.id,
            outcome: write.n % 2 === 0 ? "WARRANT_ISSUED" : "CONTINUE",
            date: d(addDays(today, -(write.n % 3))),
          },
        });
      return;
    }
    case "standDown":
      await attend(target.id, target.region, 1 + (write.n % 20), "ATTENDED_SENT_HOME_SERVICE", 0);
      return;
    case "transfer": {
      // As the transfer service does: the accepted transfer and the new region in one transaction.
      const { regions } = world;
      const to = regions[(regions.indexOf(target.region) + 1 + (write.n % (regions.length - 1))) % regions.length];
      if (!to) return;
      await testDb.$transaction([
        testDb.requirementTransfer.create({
          data: {
            requirementId: target.id,
            fromRegionId: target.region.id,
            toRegionId: to.id,
            reason: "Moved",
            status: "ACCEPTED",
            requestedById: world.userId,
            decidedById: world.userId,
            decidedAt: new Date(),
            acceptedOn: d(addDays(today, -(write.n % 10))),
          },
        }),
        testDb.requirement.update({ where: { id: target.id }, data: { regionId: to.id, pduId: to.pduId } }),
      ]);
      target.region = to;
      return;
    }
    case "newCase":
      await addCase(world.regions[write.n % world.regions.length] ?? target.region, 10 + write.n * 7);
      return;
    case "complete":
      await testDb.requirement.update({
        where: { id: target.id },
        data: { status: "COMPLETED", completedOn: d(addDays(today, -days)) },
      });
      return;
    case "review":
      await testDb.review.upsert({
        where: {
          requirementId_kind_dueOn: { requirementId: target.id, kind: "SIX_MONTH", dueOn: d(addDays(today, -100)) },
        },
        create: {
          requirementId: target.id,
          kind: "SIX_MONTH",
          dueOn: d(addDays(today, -100)),
          completedOn: d(addDays(today, -days)),
        },
        update: { completedOn: d(addDays(today, -days)) },
      });
      return;
    case "person":
      await testDb.person.update({
        where: { id: target.personId },
        data: {
          gender: write.n % 2 === 0 ? "FEMALE" : "MALE",
          ethnicity: write.n % 3 === 0 ? "W1" : "A2",
          dateOfBirth: d(addDays(today, -365 * (19 + (write.n % 30)))),
        },
      });
      return;
    case "rolledBack":
      await testDb
        .$transaction(async (tx) => {
          await tx.requirement.update({ where: { id: target.id }, data: { hoursOrdered: 999 } });
          await tx.eteCredit.create({
            data: { requirementId: target.id, date: d(addDays(today, -1)), minutes: 600, activity: "Course" },
          });
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      return;
  }
}
