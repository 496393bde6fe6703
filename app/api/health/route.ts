import { NextResponse } from "next/server";
import { db } from "@/server/db/client";
import { isStopping } from "@/server/lifecycle";

export const dynamic = "force-dynamic";

/**
 * Liveness and database reachability, for load balancers and the demo script. While the
 * instance drains before stopping it answers 503 "STOPPING", so a load balancer sends new
 * traffic elsewhere while requests in flight finish.
 */
export async function GET() {
  if (isStopping()) return NextResponse.json({ status: "STOPPING" }, { status: 503, headers: { connection: "close" } });
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "UP", database: "UP" });
  } catch {
    return NextResponse.json({ status: "DOWN", database: "DOWN" }, { status: 503 });
  }
}
