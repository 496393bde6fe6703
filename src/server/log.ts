import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/server/env";

// Structured JSON logs, one object a line on stdout (HMPPS and Formbricks habit): every API
// request with its request id, user id, route, status and duration; every unexpected error
// with the reference the user was shown, so the line behind a "reference 1a2b3c4d" is one grep
// away. People's names, notes, dates of birth, phone numbers, tokens, passwords and cookies
// are never written, wherever they sit in a logged object (redact below).

const SECRET_OR_PERSONAL = [
  "firstName",
  "lastName",
  "name",
  "dateOfBirth",
  "phone",
  "note",
  "notes",
  "body",
  "description",
  "token",
  "password",
  "authorization",
  "cookie",
  "idempotencyKey",
];

/** Paths pino redacts: the key at the top level and up to two levels down. */
export const REDACTED_PATHS = SECRET_OR_PERSONAL.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** A logger writing to `destination` (stdout by default); tests pass their own stream. */
export function createLogger(destination?: DestinationStream, level = "info"): Logger {
  return pino(
    {
      level,
      base: { service: "community-payback" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as { cpLogger?: Logger };

/** The app's logger (made on first use, at LOG_LEVEL; silent under the test runner, where it is noise). */
export function logger(): Logger {
  if (!globalForLog.cpLogger) {
    const { LOG_LEVEL, NODE_ENV } = logSettings();
    globalForLog.cpLogger = createLogger(undefined, NODE_ENV === "test" ? "silent" : LOG_LEVEL);
  }
  return globalForLog.cpLogger;
}

/** Lets a test read what the app logs. */
export function setLoggerForTests(replacement: Logger | undefined): void {
  globalForLog.cpLogger = replacement;
}

function logSettings(): { LOG_LEVEL: string; NODE_ENV: string } {
  try {
    return env();
  } catch {
    return { LOG_LEVEL: "info", NODE_ENV: "development" }; // the boot check reports a bad environment itself
  }
}

/** Logs an unexpected error under the reference the user was shown. */
export function logUnexpectedError(reference: string, error: unknown, context: Record<string, unknown> = {}): void {
  logger().error({ ...context, reference, err: error }, `Unexpected error (reference ${reference})`);
}
