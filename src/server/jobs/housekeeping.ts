import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";
import { todayInLondon } from "@/domain/dates";
import { refreshFigureFacts } from "@/server/queries/figure-facts";
import { loadRuleCommencements } from "@/server/rules/rule-commencements";

// The housekeeping jobs: each deletes rows that no rule reads any more, by one DELETE on an
// indexed time column, except the one that keeps today's figure facts warm. Each is idempotent (a second run, or two runs at once, deletes nothing
// more) and takes `now`, so tests decide what "expired" means to the millisecond.
// docs/decisions/0056-housekeeping-jobs.md

/** An `Idempotency-Key` answers retries for this long (a phone may resend a day's outbox late). */
export const IDEMPOTENCY_KEY_RETENTION_DAYS = 30;

/** What decides "expired" for each job; the app's own settings unless a test passes others. */
export type HousekeepingSettings = {
  idempotencyRetentionDays: number;
  /** The longest window any sign-in limit counts over (the pair/client window and the account backstop). */
  loginWindowMinutes: number;
  /** A sign-in ends at the latest this long after it started (SESSION_MAX_HOURS). */
  sessionMaxHours: number;
  /** The API rate-limit window (one minute, src/server/auth/token-rate.ts). */
  rateWindowMs: number;
};

export const housekeepingSettings = (): HousekeepingSettings => ({
  idempotencyRetentionDays: IDEMPOTENCY_KEY_RETENTION_DAYS,
  loginWindowMinutes: Math.max(env().LOGIN_WINDOW_MINUTES, env().LOGIN_ACCOUNT_WINDOW_MINUTES),
  sessionMaxHours: env().SESSION_MAX_HOURS,
  rateWindowMs: 60_000,
});

type Job = (client: PrismaClient, now: Date, settings: HousekeepingSettings) => Promise<number>;

const before = (now: Date, ms: number) => new Date(now.getTime() - ms);

/** Stored replies older than the retention: a retry that late runs as a new request (docs/decisions/0007). */
const expireIdempotencyKeys: Job = async (client, now, settings) =>
  (
    await client.idempotencyKey.deleteMany({
      where: { createdAt: { lt: before(now, settings.idempotencyRetentionDays * 86_400_000) } },
    })
  ).count;

/** Sign-in attempts older than every throttle window: no limit counts them any more. */
const expireLoginAttempts: Job = async (client, now, settings) =>
  (
    await client.loginAttempt.deleteMany({
      where: { createdAt: { lt: before(now, settings.loginWindowMinutes * 60_000) } },
    })
  ).count;

/** Sign-ins that have ended (signed out, revoked, idle) or are past their absolute end: their cookies are refused either way. */
const expireSignInSessions: Job = async (client, now, settings) =>
  (
    await client.signInSession.deleteMany({
      where: {
        OR: [{ endedAt: { not: null } }, { createdAt: { lte: before(now, settings.sessionMaxHours * 3_600_000) } }],
      },
    })
  ).count;

/** Rate-limit windows that have closed (the current minute's window is still counting). */
const expireApiRateWindows: Job = async (client, now, settings) =>
  (await client.apiRateWindow.deleteMany({ where: { windowStart: { lte: before(now, settings.rateWindowMs) } } }))
    .count;

/**
 * Today's figure facts brought up to date ahead of the dashboards (docs/decisions/0091): after
 * midnight in London the first run rebuilds them for the new day (about 18 s on the 50,000 seed),
 * which a manager's first request of the day would otherwise wait for; later runs replace what the
 * day's writes marked. Nothing marked: one indexed read. Says 1 when it changed the facts.
 */
const refreshTodaysFigureFacts: Job = async (client, now) =>
  (await refreshFigureFacts(client, todayInLondon(now), await loadRuleCommencements(client))) === "fresh" ? 0 : 1;

/** Every housekeeping job: its queue name, when it runs (cron, UTC) and what it does. */
export const HOUSEKEEPING_JOBS = {
  "expire-idempotency-keys": { cron: "17 3 * * *", run: expireIdempotencyKeys }, // nightly
  "expire-login-attempts": { cron: "7 * * * *", run: expireLoginAttempts }, // hourly
  "expire-sign-in-sessions": { cron: "27 * * * *", run: expireSignInSessions }, // hourly
  "expire-api-rate-windows": { cron: "37 * * * *", run: expireApiRateWindows }, // hourly
  "refresh-figure-facts": { cron: "*/5 * * * *", run: refreshTodaysFigureFacts }, // every 5 minutes
} as const satisfies Record<string, { cron: string; run: Job }>;

export type HousekeepingJobName = keyof typeof HOUSEKEEPING_JOBS;
export const HOUSEKEEPING_JOB_NAMES = Object.keys(HOUSEKEEPING_JOBS) as HousekeepingJobName[];

/** Runs one job now and says how many rows it deleted. */
export function runHousekeepingJob(
  name: HousekeepingJobName,
  client: PrismaClient,
  now = new Date(),
  settings = housekeepingSettings(),
): Promise<number> {
  return HOUSEKEEPING_JOBS[name].run(client, now, settings);
}
