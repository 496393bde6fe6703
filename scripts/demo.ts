/**
 * Command 1 of the README: `npm install && npm run demo`.
 * Starts (or reuses) the database — embedded PostgreSQL when DATABASE_URL is unset — applies
 * the committed migrations, seeds reference data and the demo once, builds the app when the
 * build is missing or stale, serves it, and prints the demo sign-ins. Ctrl+C or SIGTERM stops
 * all of it (scripts/lib/shutdown.ts).
 */
import { runApp } from "./lib/run-app";

void runApp("demo");
