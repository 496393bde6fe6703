// Last touches on the planned demo: the demo supervisor's sessions (today, yesterday's
// still-open register, the next two weeks) filled with people whose risk codes matter on
// that site, a few restricted cases, and site incidents not tied to one person.
import { addDays, utcDateFromIsoDate, type IsoDate } from "@/domain/dates";
import { RISK_CODES } from "../data/risk-codes";
import type { BuiltCase } from "./cases";
import type { Random } from "./random";
import type { SessionBook } from "./session-book";
import type { DemoRows, PlacementPlan, RegionContext } from "./types";

/** Codes a supervisor on an outdoor tools site most needs to know about. */
const RELEVANT_ON_SITE = new Set(["VW", "SUB", "SH", "RS", "NA", "DA", "MAPPA"]);

export function fillDemoSupervisorSessions(
  rng: Random,
  book: SessionBook,
  today: IsoDate,
  placement: PlacementPlan,
  london: BuiltCase[],
): void {
  const dates: IsoDate[] = [addDays(today, -1), today];
  for (let d = addDays(today, 1); d <= addDays(today, 14); d = addDays(d, 1))
    if (book.meetsOn(placement, d)) dates.push(d);
  const blocked = new Set(
    RISK_CODES.filter((c) => c.conflictsWith.some((f) => placement.features.includes(f))).map((c) => c.code),
  );
  const candidates = london
    .filter((c) => c.bookable && !c.riskCodes.some((code) => blocked.has(code)))
    .sort(
      (a, b) =>
        Number(b.riskCodes.some((x) => RELEVANT_ON_SITE.has(x))) -
        Number(a.riskCodes.some((x) => RELEVANT_ON_SITE.has(x))),
    );
  for (const date of dates) {
    const slot = book.session(placement, date);
    const wanted = Math.min(placement.capacity - 2, date <= today ? 6 : 4);
    // Most relevant risk codes first, then a shuffle so each day has a different group.
    const pool = [...candidates.slice(0, 12), ...rng.sample(candidates.slice(12), candidates.length)];
    for (const candidate of pool) {
      if (slot.booked >= wanted) break;
      if (candidate.effectiveEnd < date || !book.isFree(candidate.requirementId, date)) continue;
      book.book(slot, candidate.requirementId, { consentRecorded: candidate.consent });
    }
  }
}

/** Restricted ("limited access") cases: two in London, one in every other region. */
export function markRestrictedCases(
  rng: Random,
  rows: DemoRows,
  regions: RegionContext[],
  cases: Map<string, BuiltCase[]>,
  demoUserIds: Map<string, string>,
): void {
  const requirementById = new Map(rows.requirements.map((r) => [r.id, r]));
  for (const region of regions) {
    const onTrack = (cases.get(region.code) ?? []).filter((c) => c.scenario === "ON_TRACK");
    const chosen = rng.sample(onTrack, region.code === "LON" ? 2 : 1);
    chosen.forEach((c, i) => {
      const requirement = requirementById.get(c.requirementId);
      if (!requirement) return;
      requirement.restricted = true;
      // London: one open to the demo coordinator, one to the demo manager only.
      const userId =
        region.code === "LON"
          ? (demoUserIds.get(i === 0 ? "coordinator@demo.test" : "manager@demo.test") ?? region.staff.manager.id)
          : region.staff.manager.id;
      rows.access.push({ requirementId: c.requirementId, userId });
    });
  }
}

const SITE_INCIDENTS = [
  {
    type: "INJURY" as const,
    description:
      "Cut to the hand from a bramble through a torn glove; cleaned and dressed from the first-aid kit, carried on working.",
  },
  {
    type: "NEAR_MISS" as const,
    description: "Strimmer guard came loose during use; machine taken out of service and reported to the depot.",
  },
  {
    type: "INJURY" as const,
    description: "Twisted ankle on uneven ground by the towpath; sent home, accident book completed.",
  },
];

/** Two incidents per region on past group sessions that were held. */
export function recordSiteIncidents(rng: Random, rows: DemoRows, regions: RegionContext[], today: IsoDate): void {
  const todayUtc = utcDateFromIsoDate(today).getTime();
  for (const region of regions) {
    const groupIds = new Set(region.placements.filter((p) => p.type === "GROUP").map((p) => p.id));
    const held = rows.sessions.filter(
      (s) => groupIds.has(s.placementId) && s.status === "CLOSED" && new Date(s.date).getTime() < todayUtc,
    );
    for (const session of rng.sample(held, 2)) {
      const incident = rng.pick(SITE_INCIDENTS);
      const date = new Date(session.date).toISOString().slice(0, 10);
      rows.incidents.push({
        id: rng.uuid(),
        sessionId: session.id ?? "",
        requirementId: null,
        type: incident.type,
        occurredAt: new Date(`${date}T13:40:00Z`),
        description: incident.description,
        recordedById: session.supervisorId ?? null,
      });
    }
  }
}
