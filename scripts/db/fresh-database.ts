import { Client } from "pg";
import { randomBytes } from "node:crypto";

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creates an empty database with a unique name on the server of `serverUrl` (each test run gets its own). */
export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string }> {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const name = `${prefix}_${stamp}_${randomBytes(3).toString("hex")}`;
  const client = new Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return { name, url: withDatabase(serverUrl, name) };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop a database named ${name}`);
  const client = new Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
