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
