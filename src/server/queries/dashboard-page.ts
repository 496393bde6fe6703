import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/server/db/create-client";
import type { AppUser } from "@/server/auth/access";
import { resolveDashboardScope } from "@/server/api/contracts/dashboard";
import { isIsoDate, todayInLondon } from "@/domain/dates";
import { policyOn } from "@/domain/policy";
import { listDashboardPdus } from "./dashboard";
import { loadDashboardFiguresCached } from "./dashboard-cache";
import { TEAM_TYPES } from "./dashboard-figures";
import { listRegions } from "./regions";
import { earnedReductionsGranted } from "./earned-reduction-figures";

// The dashboard page's data: its filters from the URL (anything unrecognised is ignored), the
// figures for that scope, and the lists its filters and comparison tables need.

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const text = z.preprocess(blankToUndefined, z.string().trim().min(1).max(100).optional()).catch(undefined);

/** The dashboard's URL: region (national lead), PDU, team type and as-of date. */
export const dashboardParamsSchema = z.object({
  region: text,
  pdu: z.preprocess(blankToUndefined, z.uuid().optional()).catch(undefined),
  teamType: z.preprocess(blankToUndefined, z.enum(TEAM_TYPES).optional()).catch(undefined),
  asOf: text,
});

export async function loadDashboardPage(client: PrismaClient, user: AppUser, searchParams: Record<string, unknown>) {
  const params = dashboardParamsSchema.parse(searchParams);
  const today = todayInLondon();
  const asOf = params.asOf && isIsoDate(params.asOf) && params.asOf <= today ? params.asOf : today;
  const national = user.role === "NATIONAL_LEAD";
  const scope = await resolveDashboardScope(
    client,
    user,
    { region: national ? params.region : undefined, pdu: params.pdu, teamType: params.teamType, asOf },
    today,
  );
  const [figures, regions, pdus, reductionsGranted] = await Promise.all([
    loadDashboardFiguresCached(client, scope),
    listRegions(),
    listDashboardPdus(client, scope.regionId),
    earnedReductionsGranted(client, scope),
  ]);
  const pduName = (id: string | null) =>
    id === null ? "No PDU recorded" : (pdus.find((pdu) => pdu.id === id)?.name ?? "Unknown PDU");
  return {
    today,
    national,
    policy: policyOn(asOf, scope.rules),
    /** Sentencing Act 2026 s.37: requirements whose officer has confirmed an earned reduction by the as-of date. */
    reductionsGranted,
    dateWasInvalid: params.asOf !== undefined && params.asOf !== asOf,
    filters: {
      region: national ? (scope.regionCode ?? undefined) : undefined,
      pdu: scope.pduId ?? undefined,
      teamType: scope.teamType ?? undefined,
      asOf,
    },
    regionId: scope.regionId,
    regionName: scope.regionId ? (regions.find((region) => region.id === scope.regionId)?.name ?? null) : null,
    pduName: scope.pduId ? pduName(scope.pduId) : null,
    regions,
    pdus,
    figures,
    // A PDU comparison once the view is one region (national: choose a region first) and no single PDU is chosen.
    pduRows:
      scope.regionId && !scope.pduId
        ? figures.byPdu
            .map((row) => ({
              key: row.pduId ?? "none",
              pduId: row.pduId,
              label: pduName(row.pduId),
              figures: row.figures,
            }))
            .sort((a, b) => a.label.localeCompare(b.label))
        : [],
  };
}
