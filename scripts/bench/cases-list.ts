/**
 * GET /api/v1/cases at 20 connections for the London manager (issue 15 §4: p95 ≤ 150 ms on the scale
 * seed), with no writes and again with a write every `writeEveryMs` (scripts/bench/writes.ts). Today's
 * list comes from the case views kept for the facts day (docs/decisions/0101-kept-case-views.md): the
 * first request works out and keeps the page's views, the rest read them. `npm run bench` calls it;
 * `npm run bench -- --only cases` runs it alone.
 */
import os from "node:os";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { measure, type LoadResult } from "./measure";
import { startFigureWriter } from "./writes";

export const CASES_TARGET_P95_MS = 150;
const CONNECTIONS = 20;
const WARM_UP_SECONDS = 5;

/** targetP95 is null for the one-connection row: the target is for 20 at once. */
export type CasesListResult = LoadResult & {
  targetP95: number | null;
  underWrites: boolean;
  loadAverage: number[];
};

export async function runCasesList(
  prisma: PrismaClient,
  options: { baseUrl: string; token: string; asOf: string; seconds: number; writeEveryMs: number },
): Promise<CasesListResult[]> {
  const url = `${options.baseUrl}/api/v1/cases?asOf=${options.asOf}`;
  const headers = { authorization: `Bearer ${options.token}` };
  const check = await fetch(url, { headers });
  if (check.status !== 200) throw new Error(`GET /api/v1/cases: HTTP ${check.status}`);
  // A server that has been serving for a while: its code compiled by the JIT and the page's views
  // kept. Unrecorded; without it the first row measured the warm-up too (p95 161 ms, then 121 ms
  // with writes in the row after it, on the same quiet machine).
  console.log(`Warming up for ${WARM_UP_SECONDS}s at ${CONNECTIONS} connections (not recorded)…`);
  await measure("warm-up", url, headers, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS });
  const results: CasesListResult[] = [];
  // 20 at once (the target), 20 at once under writes, and one at a time: what a request costs without a queue.
  for (const [connections, underWrites] of [
    [CONNECTIONS, false],
    [CONNECTIONS, true],
    [1, false],
  ] as const) {
    const name = `API cases list — London, ${connections} connection${connections > 1 ? "s" : ""}${underWrites ? `, a write every ${options.writeEveryMs} ms` : ""}`;
    console.log(`Measuring ${name} for ${options.seconds}s…`);
    const writer = underWrites ? await startFigureWriter(prisma, options.asOf, options.writeEveryMs) : null;
    try {
      const result = await measure(name, url, headers, { connections, seconds: options.seconds });
      results.push({
        ...result,
        targetP95: connections === CONNECTIONS ? CASES_TARGET_P95_MS : null,
        underWrites,
        loadAverage: os.loadavg(),
      });
    } finally {
      const counts = writer?.stop();
      if (counts) console.log(`  writes during the run: ${JSON.stringify(counts)}`);
    }
  }
  console.table(
    results.map((r) => ({
      target: r.name,
      requests: r.requests,
      "req/s": r.requestsPerSecond.toFixed(1),
      "p50 ms": Math.round(r.p50),
      "p95 ms": Math.round(r.p95),
      "p95 target": r.targetP95 === null ? "—" : `≤ ${r.targetP95}`,
      meets: r.targetP95 === null ? "—" : r.p95 <= r.targetP95 ? "yes" : "NO",
      errors: r.errors + r.non2xx,
      "load avg (1 min)": r.loadAverage[0]?.toFixed(1),
    })),
  );
  return results;
}
