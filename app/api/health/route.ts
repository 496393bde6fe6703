import { NextResponse } from "next/server";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the demo script. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "UP", database: "UP" });
  } catch {
    return NextResponse.json({ status: "DOWN", database: "DOWN" }, { status: 503 });
  }
}
