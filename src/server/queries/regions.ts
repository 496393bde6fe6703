import "server-only";
import { db } from "@/server/db/client";

export async function findRegionName(regionId: string): Promise<string | null> {
  const region = await db.region.findUnique({ where: { id: regionId }, select: { name: true } });
  return region?.name ?? null;
}

export async function listRegions(): Promise<{ id: string; code: string; name: string }[]> {
  return db.region.findMany({ select: { id: true, code: true, name: true }, orderBy: { name: "asc" } });
}

/** The PDUs a form may offer the user: their own region's (by code, which is what services take). */
export async function listPduChoices(regionId: string | null): Promise<{ code: string; name: string }[]> {
  if (!regionId) return [];
  return db.pdu.findMany({ where: { regionId }, select: { code: true, name: true }, orderBy: { name: "asc" } });
}

/** R9: whether auto-enforcement is on, for one region or (null) how many regions have it on. Read live, never cached. */
export async function loadAutoEnforcement(regionId: string | null) {
  if (regionId) {
    const region = await db.region.findUnique({
      where: { id: regionId },
      select: { autoEnforcement: true, version: true },
    });
    return { scope: "region" as const, on: region?.autoEnforcement ?? false, version: region?.version ?? 1 };
  }
  const [on, all] = await Promise.all([db.region.count({ where: { autoEnforcement: true } }), db.region.count()]);
  return { scope: "all" as const, regionsOn: on, regions: all };
}
