// Bulk loading for the scale seed: COPY FROM STDIN (pg-copy-streams) into an empty
// database, with the secondary indexes of the loaded tables dropped first and rebuilt
// afterwards (one sorted build is far cheaper than millions of index inserts), foreign-key
// triggers skipped for the load (`session_replication_role = replica`: the generator writes
// parents and children from one consistent plan, and verifyScaleConsistency checks the
// joins afterwards), then VACUUM (FREEZE, ANALYZE). Index definitions are read back from pg_indexes, so the
// rebuilt indexes are exactly the migrations' ones (no drift).
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { CopyBuffer } from "./copy-buffer";
import { ProgressBar } from "./progress";

type IndexDef = { name: string; table: string; definition: string };

async function secondaryIndexes(client: pg.Client, tables: readonly string[]): Promise<IndexDef[]> {
  const { rows } = await client.query<{ indexname: string; tablename: string; indexdef: string }>(
    `SELECT i.indexname, i.tablename, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
     ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  return rows.map((r) => ({ name: r.indexname, table: r.tablename, definition: r.indexdef }));
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET session_replication_role = replica");
  await client.query("SET maintenance_work_mem = '256MB'");
  await client.query("SET synchronous_commit = off");
  return client;
}

async function copyTable(client: pg.Client, buffer: CopyBuffer, onRows: (n: number) => void): Promise<void> {
  buffer.seal();
  if (buffer.rowCount === 0) return;
  const stream = client.query(copyFrom(buffer.copySql()));
  const chunks = buffer.chunks;
  async function* lines() {
    for (const chunk of chunks) {
      yield chunk;
      onRows(chunk.split("\n").length - 1);
    }
  }
  await pipeline(Readable.from(lines()), stream);
}

/** Runs `jobs` on `workers` connections, each job on whichever is free next. */
async function onConnections<T>(
  clients: pg.Client[],
  jobs: T[],
  run: (client: pg.Client, job: T) => Promise<void>,
): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    clients.map(async (client) => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) await run(client, job);
    }),
  );
}

export type LoadTimings = { copySeconds: number; indexSeconds: number; analyzeSeconds: number };

export async function loadTables(
  url: string,
  buffers: CopyBuffer[],
  options: { quiet?: boolean; connections?: number } = {},
): Promise<LoadTimings> {
  const clients = await Promise.all(Array.from({ length: options.connections ?? 2 }, () => connect(url)));
  try {
    const first = clients[0];
    if (!first) throw new Error("no connection");
    const tables = buffers.map((b) => b.table);
    const indexes = await secondaryIndexes(first, tables);
    for (const index of indexes) await first.query(`DROP INDEX "${index.name}"`);

    let t = performance.now();
    const totalRows = buffers.reduce((sum, b) => sum + b.rowCount + (b.chunks.length === 0 ? 0 : 0), 0);
    const copyBar = new ProgressBar("Loading rows (COPY)", totalRows, options.quiet);
    let copied = 0;
    // Biggest tables first so the two connections finish together.
    const ordered = [...buffers].sort((a, b) => b.rowCount - a.rowCount);
    await onConnections(clients, ordered, (client, buffer) =>
      copyTable(client, buffer, (n) => copyBar.update((copied += n))),
    );
    copyBar.finish();
    const copySeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const indexBar = new ProgressBar("Rebuilding indexes", indexes.length, options.quiet);
    let built = 0;
    await onConnections(clients, indexes, async (client, index) => {
      await client.query(index.definition);
      indexBar.update((built += 1));
    });
    indexBar.finish();
    const indexSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    // VACUUM, not just ANALYZE: it sets the visibility map, so index-only scans skip the heap
    // (freshly loaded pages are not all-visible yet), and FREEZE spares the first readers the
    // hint-bit writes on three million new rows.
    const analyzeBar = new ProgressBar("VACUUM (FREEZE, ANALYZE)", tables.length, options.quiet);
    let analysed = 0;
    await onConnections(clients, tables, async (client, table) => {
      await client.query(`VACUUM (FREEZE, ANALYZE) "${table}"`);
      analyzeBar.update((analysed += 1));
    });
    analyzeBar.finish();
    return { copySeconds, indexSeconds, analyzeSeconds: (performance.now() - t) / 1000 };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
