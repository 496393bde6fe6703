import "server-only";
import { addDays, isoDateFromUtcDate, todayInLondon, type IsoDate } from "@/domain/dates";
import { londonDateAndTime, londonInstant } from "@/domain/london-time";
import { regionFilter, visibleRequirementsWhere, type AppUser } from "@/server/auth/access";
import { db } from "@/server/db/client";

// The managers' view of incidents on sessions (issue 5): their region's (all regions for the
// national lead), newest first. A person on a restricted case the manager may not open is not named.

/** How far back the list looks: a quarter covers the usual review cycle. */
export const INCIDENT_DAYS = 90;
const LIMIT = 200;

export async function listIncidents(user: AppUser, options: { today?: IsoDate } = {}) {
  const today = options.today ?? todayInLondon();
  const since = londonInstant(addDays(today, -INCIDENT_DAYS), "00:00");
  const rows = await db.incident.findMany({
    where: { occurredAt: { gte: since }, session: { placement: regionFilter(user) } },
    orderBy: { occurredAt: "desc" },
    take: LIMIT,
    select: {
      id: true,
      type: true,
      occurredAt: true,
      description: true,
      requirementId: true,
      session: {
        select: {
          id: true,
          date: true,
          placement: { select: { name: true, region: { select: { code: true } } } },
          supervisor: { select: { name: true } },
        },
      },
    },
  });
  const named = rows.flatMap((row) => (row.requirementId ? [row.requirementId] : []));
  const visible = await db.requirement.findMany({
    where: { AND: [visibleRequirementsWhere(user), { id: { in: named } }] },
    select: { id: true, person: { select: { firstName: true, lastName: true, crn: true } } },
  });
  const personOf = new Map(
    visible.map((r) => [r.id, { caseId: r.id, name: `${r.person.firstName} ${r.person.lastName}`, crn: r.person.crn }]),
  );
  return rows.map((row) => {
    const when = londonDateAndTime(row.occurredAt);
    return {
      id: row.id,
      type: row.type,
      date: when.date,
      time: when.time,
      description: row.description,
      sessionDate: isoDateFromUtcDate(row.session.date),
      placementName: row.session.placement.name,
      regionCode: row.session.placement.region.code,
      supervisorName: row.session.supervisor?.name ?? null,
      person: row.requirementId ? (personOf.get(row.requirementId) ?? { restricted: true as const }) : null,
    };
  });
}
