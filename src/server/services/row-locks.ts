import "server-only";
import type { Tx } from "@/server/db/create-client";
import { isUuid } from "./uuid";

// Row locks that make the rules hold under concurrency: each holds its row until the transaction ends.

/** Locks the requirement row until the transaction ends (R6 ETE cap, R7 completion, R10 booking). False if missing. */
export async function lockRequirement(tx: Tx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text AS id FROM "Requirement" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** Locks the session row until the transaction ends (R10 capacity). False if missing. */
export async function lockSession(tx: Tx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text AS id FROM "Session" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}

/** Locks the person row (R10 double booking spans all of a person's requirements). False if missing. */
export async function lockPerson(tx: Tx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text AS id FROM "Person" WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}
