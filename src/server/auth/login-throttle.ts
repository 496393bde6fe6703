import type { PrismaClient } from "@/generated/prisma/client";

// Throttling lives in PostgreSQL, not memory, so it holds when the app runs as several instances.
export type ThrottleSettings = { maxFailures: number; windowMinutes: number };

export async function isLoginThrottled(db: PrismaClient, email: string, settings: ThrottleSettings, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - settings.windowMinutes * 60_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const failures = await db.loginAttempt.count({
    where: { email, succeeded: false, createdAt: { gte: lastSuccess?.createdAt ?? since } },
  });
  return failures >= settings.maxFailures;
}

export async function recordLoginAttempt(db: PrismaClient, email: string, succeeded: boolean, ip?: string): Promise<void> {
  await db.loginAttempt.create({ data: { email, succeeded, ip: ip ?? null } });
}
