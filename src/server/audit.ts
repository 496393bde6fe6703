import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db/create-client";
import type { AppUser } from "@/server/auth/access";

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  regionId?: string | null;
  before?: unknown;
  after?: unknown;
};

const asJson = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Writes an audit row inside the caller's transaction, so the change and its record land together. */
export async function audit(tx: Tx, actor: AppUser | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      regionId: entry.regionId ?? null,
      before: asJson(entry.before),
      after: asJson(entry.after),
    },
  });
}
