import "server-only";
import { checkDatabase, type DatabaseHealth } from "@/server/db/availability";
import { db } from "@/server/db/client";

/** Whether the shared database client can reach the database, within checkDatabase's deadline. */
export function checkDatabaseHealth(): Promise<DatabaseHealth> {
  return checkDatabase(db);
}
