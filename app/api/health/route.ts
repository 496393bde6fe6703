import { NextResponse } from "next/server";
import { checkDatabaseHealth } from "@/server/queries/health";
import { isStopping } from "@/server/lifecycle";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability, for load balancers and the demo script. While the
 * instance drains before stopping it answers 503 "STOPPING", so a load balancer sends new
 * traffic elsewhere while requests in flight finish. A database that is down or hung gives
 * 503 within 2 s (checkDatabase's deadline), never a hang.
 */
export async function GET() {
  if (isStopping()) return NextResponse.json({ status: "STOPPING" }, { status: 503, headers: { connection: "close" } });
  const { database } = await checkDatabaseHealth();
  const status = database === "UP" ? "UP" : "DOWN";
  return NextResponse.json(
    { status, database },
    { status: status === "UP" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
