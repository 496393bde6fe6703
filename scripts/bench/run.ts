/**
 * npm run bench [-- --requirements 50000 --seconds 12 --connections 10 --port 3290 --write-every-ms 1000
 *                  --database cp_scale --supervisors 200 --peak-seconds 120 (0 skips the peak) --only allocation|cases]
 *
 * Issue 6's benchmark: makes sure the scale database exists (seeds it, or reuses a seed with
 * the same parameters), builds the production app if stale and starts it against that
 * database, signs in as the scale seed's London manager and national lead, then loads
 * /dashboard and GET /api/v1/dashboard/summary for a region and for the nation with
 * autocannon. In the same run it times the bare SQL of the backlog figure (and of all the
 * dashboard's figures) through the same query functions the app uses, and prints the ratio of
 * HTTP p50 to bare SQL. Results go to .bench/results.json. Not run in CI (it takes minutes).
 * Issue 15: the page and the API again under a stream of realistic writes spread over the regions
 * (scripts/bench/writes.ts), each row with its p95 ÷ the bare all-figures SQL of the same run and
 * the load average when it ended, and the supervisors' peak ("attendance writes").
 * Issue 13: the allocation page, beside its service and the bare SQL of its listing
 * (scripts/bench/allocation.ts); `--only allocation` runs that block alone.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { buildApp, buildIsStale, loadOrCreateAuthSecret, repoRoot, startApp, waitForHealthy } from "../lib/app-server";
import { ensureScaleDatabase } from "../db/seed-scale";
import { createPrismaClient } from "../../src/server/db/create-client";
import { backlogCount, loadDashboardFigures, loadSentenceCalendar, total } from "../../src/server/queries/dashboard";
import { loadTrends } from "../../src/server/queries/trends";
import { loadRuleCommencements } from "../../src/server/rules/rule-commencements";
import { readScaleSeed } from "../../prisma/seed/scale/index";
import { SCALE_PASSWORD, SCALE_SIGN_INS } from "../../prisma/seed/scale/organisation";
import { runAllocationPage } from "./allocation";
import { runCasesList } from "./cases-list";
import { measure, medianTime, type LoadResult } from "./measure";
import { apiToken, sessionCookie } from "./sign-in";
import { runAttendancePeak, startFigureWriter, type PeakResult } from "./writes";
import { scriptEnv } from "../../src/server/env";

const TARGET_P95_MS = { region: 300, nation: 800 } as const;

function option(args: string[], name: string, fallback: number, allowZero = false): number {
  const i = args.indexOf(`--${name}`);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !allowZero))
    throw new Error(`--${name} must be a positive number`);
  return value;
}

function textOption(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const requirements = option(args, "requirements", 50_000);
  const seconds = option(args, "seconds", 12);
  const connections = option(args, "connections", 10);
  const port = option(args, "port", scriptEnv().BENCH_PORT);
  const writeEveryMs = option(args, "write-every-ms", 1000);
  const databaseName = textOption(args, "database", "cp_scale");
  const supervisors = option(args, "supervisors", 200, true);
  const peakSeconds = option(args, "peak-seconds", 120);
  // `--only allocation`: the allocation page's block alone. It writes nothing, so it may run on a shared database.
  const only = textOption(args, "only", "");
  if (only !== "" && only !== "allocation" && only !== "cases")
    throw new Error("--only takes one of: allocation, cases");
  const baseUrl = `http://127.0.0.1:${port}`;

  const database = await ensureScaleDatabase({ requirements, database: databaseName, reuse: true, verify: false });
  const prisma = createPrismaClient(database.url, { max: 4 });
  let app: ReturnType<typeof startApp> | null = null;
  try {
    const seed = await readScaleSeed(prisma);
    if (!seed) throw new Error("The scale database holds no scale seed");
    const asOf = seed.today;
    const london = await prisma.region.findUniqueOrThrow({ where: { code: "LON" }, select: { id: true } });

    if (buildIsStale()) buildApp();
    // The bench measures the figures, not the per-token limit (120 a minute by default): ten
    // connections on one token would otherwise be answered 429 within a second.
    process.env.API_RATE_LIMIT_PER_MINUTE ??= "10000000";
    app = startApp({ port, databaseUrl: database.url, secret: loadOrCreateAuthSecret(), quiet: true });
    await waitForHealthy(baseUrl);

    if (only === "allocation") {
      const cookie = await sessionCookie(baseUrl, SCALE_SIGN_INS.manager, SCALE_PASSWORD);
      await runAllocationPage(prisma, {
        databaseUrl: database.url,
        baseUrl,
        cookie,
        today: asOf,
        seconds,
        connections,
      });
      return;
    }
    if (only === "cases") {
      const token = await apiToken(baseUrl, SCALE_SIGN_INS.manager, SCALE_PASSWORD);
      const casesList = await runCasesList(prisma, { baseUrl, token, asOf, seconds, writeEveryMs });
      mkdirSync(path.join(repoRoot, ".bench"), { recursive: true });
      writeFileSync(
        path.join(repoRoot, ".bench", "cases-list.json"),
        `${JSON.stringify({ measuredAt: new Date().toISOString(), seed, casesList }, null, 2)}\n`,
      );
      return;
    }
    const [managerToken, nationalToken, managerCookie, nationalCookie] = await Promise.all([
      apiToken(baseUrl, SCALE_SIGN_INS.manager, SCALE_PASSWORD),
      apiToken(baseUrl, SCALE_SIGN_INS.national, SCALE_PASSWORD),
      sessionCookie(baseUrl, SCALE_SIGN_INS.manager, SCALE_PASSWORD),
      sessionCookie(baseUrl, SCALE_SIGN_INS.national, SCALE_PASSWORD),
    ]);
    // The figures as of the day the data was seeded for, so a reused seed measures the same thing.
    const targets: { name: string; scope: "region" | "nation"; url: string; headers: Record<string, string> }[] = [
      {
        name: "page /dashboard — region (London)",
        scope: "region" as const,
        url: `${baseUrl}/dashboard?asOf=${asOf}`,
        headers: { cookie: managerCookie },
      },
      {
        name: "page /dashboard — nation",
        scope: "nation" as const,
        url: `${baseUrl}/dashboard?asOf=${asOf}`,
        headers: { cookie: nationalCookie },
      },
      {
        name: "API summary — region (London)",
        scope: "region" as const,
        url: `${baseUrl}/api/v1/dashboard/summary?asOf=${asOf}`,
        headers: { authorization: `Bearer ${managerToken}` },
      },
      {
        name: "API summary — nation",
        scope: "nation" as const,
        url: `${baseUrl}/api/v1/dashboard/summary?asOf=${asOf}`,
        headers: { authorization: `Bearer ${nationalToken}` },
      },
    ];
    for (const target of targets) {
      const check = await fetch(target.url, { headers: target.headers, redirect: "manual" });
      if (check.status !== 200) throw new Error(`${target.name}: HTTP ${check.status} before the run (signed in?)`);
    }

    type Row = LoadResult & {
      scope: "region" | "nation";
      targetP95: number;
      meetsTarget: boolean;
      underWrites: boolean;
      loadAverage: number[];
    };
    const results: Row[] = [];
    const push = (result: LoadResult, scope: "region" | "nation", underWrites = false) =>
      results.push({
        ...result,
        scope,
        targetP95: TARGET_P95_MS[scope],
        meetsTarget: result.p95 <= TARGET_P95_MS[scope],
        underWrites,
        loadAverage: os.loadavg(),
      });
    for (const target of targets) {
      console.log(`Measuring ${target.name} for ${seconds}s at ${connections} connections…`);
      push(await measure(target.name, target.url, target.headers, { connections, seconds }), target.scope);
    }
    // One user at a time, for comparison: what a request costs without queueing behind nine others
    // (from the snapshot, like the runs above; the bare SQL below is the cost of computing).
    for (const target of targets.filter((t) => t.name.startsWith("API"))) {
      const name = `${target.name}, 1 connection`;
      console.log(`Measuring ${name} for ${Math.ceil(seconds / 2)}s…`);
      push(
        await measure(name, target.url, target.headers, { connections: 1, seconds: Math.ceil(seconds / 2) }),
        target.scope,
      );
    }

    // The figures cache serves the runs above from a snapshot once the first request of each scope
    // has computed it (nothing is written during them). To show what a busy day costs, the page and
    // the API are measured again while realistic writes (ETE credits, corrections, extensions,
    // warnings, stand-downs) land every `writeEveryMs` on requirements all over the country: each
    // moves its own region's data version (docs/decisions/0076), so a national request recounts
    // only the regions written since its snapshot.
    const writeCounts: Record<string, unknown>[] = [];
    for (const target of targets) {
      const name = `${target.name}, a write every ${writeEveryMs} ms`;
      console.log(`Measuring ${name} for ${seconds}s at ${connections} connections…`);
      const writer = await startFigureWriter(prisma, asOf, writeEveryMs);
      let counts: Record<string, unknown> = {};
      try {
        push(await measure(name, target.url, target.headers, { connections, seconds }), target.scope, true);
      } finally {
        counts = writer.stop();
      }
      writeCounts.push({ target: name, ...counts });
      console.log(`  writes during the run: ${JSON.stringify(counts)}`);
    }

    // GET /api/v1/cases (issue 15: one query per case at first; then one statement for a page of
    // 100; now today's kept case views), without and with writes.
    const casesResults = await runCasesList(prisma, { baseUrl, token: managerToken, asOf, seconds, writeEveryMs });

    // National trends (issue 15: target p95 ≤ 500 ms), the trends page as the national lead, no
    // writes running: served from the cache by month end (src/server/queries/trends-cache.ts)
    // once the first request has computed them; the bare SQL below is what a computation costs.
    const trendsUrl = `${baseUrl}/dashboard/trends?asOf=${asOf}`;
    const trendsCheck = await fetch(trendsUrl, { headers: { cookie: nationalCookie }, redirect: "manual" });
    if (trendsCheck.status !== 200) throw new Error(`/dashboard/trends: HTTP ${trendsCheck.status}`);
    console.log(`Measuring the national trends page for ${seconds}s at ${connections} connections…`);
    const trendsResult = {
      ...(await measure(
        "page /dashboard/trends — nation",
        trendsUrl,
        { cookie: nationalCookie },
        { connections, seconds },
      )),
      targetP95: 500,
      loadAverage: os.loadavg(),
    };

    // The supervisors' peak: registers recorded and closed through the API while managers look.
    let peak: PeakResult | null = null;
    if (supervisors > 0) {
      console.log(`Measuring attendance writes: ${supervisors} supervisors over ${peakSeconds}s…`);
      peak = await runAttendancePeak(prisma, baseUrl, {
        asOf,
        supervisors,
        seconds: peakSeconds,
        dashboards: targets.filter((t) => t.name.startsWith("API")),
      });
    }

    // The allocation page (issue 13 §3; target p95 ≤ 800 ms), into .bench/allocation-page.json.
    await runAllocationPage(prisma, {
      databaseUrl: database.url,
      baseUrl,
      cookie: managerCookie,
      today: asOf,
      seconds,
      connections,
    });

    // Bare SQL: the same query functions the app calls, straight on the database (no HTTP, no React).
    const bare = {} as Record<"region" | "nation", { backlogMs: number; allFiguresMs: number; backlogCount: number }>;
    for (const [scopeName, regionId] of [
      ["region", london.id],
      ["nation", null],
    ] as const) {
      const scope = { asOf, regionId };
      let count = 0;
      const backlogMs = await medianTime(async () => {
        const calendar = await loadSentenceCalendar(prisma, scope);
        count = total(await backlogCount(prisma, scope, calendar));
      }, 10);
      const allFiguresMs = await medianTime(() => loadDashboardFigures(prisma, scope), 5);
      bare[scopeName] = { backlogMs, allFiguresMs, backlogCount: count };
    }

    const rules = await loadRuleCommencements(prisma);
    const bareTrendsMs = await medianTime(
      () => loadTrends(prisma, { asOf, regionId: null, pduId: null, teamType: null, rules }),
      3,
    );

    const row = (r: (typeof results)[number]) => {
      const sql = bare[r.scope];
      return {
        target: r.name,
        requests: r.requests,
        "req/s": r.requestsPerSecond.toFixed(1),
        "p50 ms": Math.round(r.p50),
        "p95 ms": Math.round(r.p95),
        "p97.5 ms": Math.round(r.p97_5),
        "p95 target": `≤ ${r.targetP95}`,
        meets: r.meetsTarget ? "yes" : "NO",
        errors: r.errors + r.non2xx,
        "p50 ÷ bare backlog SQL": (r.p50 / sql.backlogMs).toFixed(1),
        "p50 ÷ bare all-figures SQL": (r.p50 / sql.allFiguresMs).toFixed(1),
        "p95 ÷ bare all-figures SQL": (r.p95 / sql.allFiguresMs).toFixed(2),
        "load avg (1 min)": r.loadAverage[0]?.toFixed(1) ?? "",
      };
    };
    console.table(results.map(row));
    console.table([
      {
        target: trendsResult.name,
        requests: trendsResult.requests,
        "req/s": trendsResult.requestsPerSecond.toFixed(1),
        "p50 ms": Math.round(trendsResult.p50),
        "p95 ms": Math.round(trendsResult.p95),
        "p95 target": "≤ 500",
        errors: trendsResult.errors + trendsResult.non2xx,
        "bare trends SQL p50 ms": bareTrendsMs.toFixed(1),
        "p95 ÷ bare trends SQL": (trendsResult.p95 / bareTrendsMs).toFixed(2),
        "load avg (1 min)": trendsResult.loadAverage[0]?.toFixed(1),
      },
    ]);
    if (peak) {
      const { dashboards, errorStatuses, loadAverage, ...numbers } = peak;
      console.table([
        {
          ...numbers,
          recordP50: Math.round(numbers.recordP50),
          recordP95: Math.round(numbers.recordP95),
          closeP95: Math.round(numbers.closeP95),
          allP95: Math.round(numbers.allP95),
          max: Math.round(numbers.max),
          writesPerSecond: numbers.writesPerSecond.toFixed(1),
          "load avg (1 min)": loadAverage[0]?.toFixed(1),
        },
      ]);
      if (Object.keys(errorStatuses).length > 0) console.log("  errors:", errorStatuses);
      console.table(
        dashboards.map((d) => ({
          target: d.name,
          requests: d.requests,
          "p50 ms": Math.round(d.p50),
          "p95 ms": Math.round(d.p95),
          errors: d.errors + d.non2xx,
        })),
      );
    }
    console.table(
      Object.entries(bare).map(([scope, b]) => ({
        scope,
        "backlog figure": b.backlogCount,
        "bare backlog SQL p50 ms": b.backlogMs.toFixed(1),
        "bare all-figures SQL p50 ms": b.allFiguresMs.toFixed(1),
      })),
    );
    const [cpu] = os.cpus();
    const report = {
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: cpu?.model ?? "unknown",
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        loadAverage: os.loadavg(),
      },
      seed,
      settings: { connections, seconds, writeEveryMs, database: databaseName, supervisors, peakSeconds },
      percentiles:
        "p50 and p95 are exact nearest-rank over every response latency (autocannon `response` events); p97.5 is autocannon's own",
      http: results,
      bareSql: bare,
      writesDuringRuns: writeCounts,
      casesList: casesResults,
      trends: { ...trendsResult, bareSqlMs: bareTrendsMs },
      attendanceWrites: peak,
    };
    mkdirSync(path.join(repoRoot, ".bench"), { recursive: true });
    writeFileSync(path.join(repoRoot, ".bench", "results.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `Written to .bench/results.json (load average at the end: ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(" ")}).`,
    );
  } finally {
    app?.kill("SIGTERM");
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
