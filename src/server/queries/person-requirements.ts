import "server-only";
import { isoDateFromUtcDate, outstandingMinutes, policyOn, requiredMinutes, warnWhenOutstandingOver300, type IsoDate, type RuleWarning } from "@/domain";
import { visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";
import { loadReaderRuleCommencements } from "./requirement-facts";

// Several requirements per person (concurrent or consecutive orders): every requirement of the
// case's person that the caller may see, and R1's warning when the outstanding hours across ALL
// their active requirements (seen or not) exceed 300.

export async function loadPersonRequirements(user: AppUser, requirementId: string, asOf: IsoDate) {
  const scope = await db.requirement.findFirst({
    where: { AND: [visibleRequirementsWhere(user), { id: requirementId }] },
    select: { personId: true },
  });
  if (!scope) return null;
  const all = await db.requirement.findMany({
    where: { personId: scope.personId },
    select: { id: true, status: true, hoursOrdered: true, minutesCredited: true },
  });
  const visible = await db.requirement.findMany({
    where: { AND: [visibleRequirementsWhere(user), { personId: scope.personId }] },
    select: {
      id: true,
      status: true,
      hoursOrdered: true,
      minutesCredited: true,
      sentenceDate: true,
      orderType: true,
      order: { select: { court: true } },
      region: { select: { code: true, name: true } },
    },
    orderBy: [{ sentenceDate: "asc" }, { id: "asc" }],
  });
  const warning: RuleWarning | null = warnWhenOutstandingOver300(
    all.map((r) => ({ status: r.status, requiredMinutes: requiredMinutes(r.hoursOrdered), minutesCredited: r.minutesCredited })),
    policyOn(asOf, await loadReaderRuleCommencements()),
  );
  const activeOutstanding = all
    .filter((r) => r.status === "ACTIVE")
    .reduce((sum, r) => sum + outstandingMinutes(requiredMinutes(r.hoursOrdered), r.minutesCredited), 0);
  return {
    requirements: visible.map((r) => ({
      id: r.id,
      current: r.id === requirementId,
      status: r.status,
      orderType: r.orderType,
      court: r.order.court,
      region: r.region,
      sentenceDate: isoDateFromUtcDate(r.sentenceDate),
      hoursOrdered: r.hoursOrdered,
      outstandingMinutes: r.status === "ACTIVE" ? outstandingMinutes(requiredMinutes(r.hoursOrdered), r.minutesCredited) : 0,
    })),
    /** Requirements of this person the caller cannot see (other regions, restricted). */
    hiddenCount: all.length - visible.length,
    activeOutstandingMinutes: activeOutstanding,
    warning,
  };
}

export type PersonRequirements = NonNullable<Awaited<ReturnType<typeof loadPersonRequirements>>>;
