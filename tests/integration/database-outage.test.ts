// A database that hangs (accepts the connection and never answers) or is down (connection
// refused): /api/health answers 503 within 2 s, and the API answers 503 SERVICE_UNAVAILABLE
// instead of hanging for 40 seconds or answering 500. The hung server is a TCP listener this
// test owns; the shared PostgreSQL is never touched.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let hung: net.Server;
const sockets = new Set<net.Socket>();
let hungPort = 0;
let refusedPort = 0;

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
}

beforeAll(async () => {
  hung = net.createServer((socket) => {
    sockets.add(socket); // accept, read nothing back, never answer
    socket.on("error", () => {});
  });
  hungPort = await listen(hung);
  const closed = net.createServer();
  refusedPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));

  // The app's own client (src/server/db/client.ts) is made from DATABASE_URL on first import.
  process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${hungPort}/hung`;
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "1000";
  delete (globalThis as { cpDb?: unknown }).cpDb;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => hung.close(resolve));
});

describe("when the database does not answer", () => {
  it("/api/health answers 503 within 2 seconds", async () => {
    const { GET } = await import("../../app/api/health/route");
    const started = Date.now();
    const response = await GET();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "DOWN", database: "DOWN" });
  });

  it("an API call answers 503 SERVICE_UNAVAILABLE (not 500, not a hang)", async () => {
    const { GET } = await import("../../app/api/v1/me/route");
    const started = Date.now();
    const response = await GET(
      new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer cpb_${"x".repeat(43)}` } }),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("30");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("SERVICE_UNAVAILABLE");
    expect(body.error.message).toMatch(/Nothing was saved/);
  });

  it("a refused connection is recognised as the database being unavailable", async () => {
    const { createPrismaClient } = await import("@/server/db/create-client");
    const { checkDatabase, isDatabaseUnavailable } = await import("@/server/db/availability");
    const down = createPrismaClient(`postgresql://postgres@127.0.0.1:${refusedPort}/down`, { connectTimeoutMs: 1_000 });
    try {
      expect((await checkDatabase(down)).database).toBe("DOWN");
      const error = await down.$queryRaw`SELECT 1`.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    } finally {
      await down.$disconnect();
    }
  });
});
