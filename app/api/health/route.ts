import { NextResponse } from "next/server";
import { checkDatabase } from "@/server/db/availability";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the demo script: 503 within 2 s when the database is down or hung. */
export async function GET() {
  const { database } = await checkDatabase(db);
  const status = database === "UP" ? "UP" : "DOWN";
  return NextResponse.json({ status, database }, { status: status === "UP" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
