import { z } from "zod";

// Every environment variable the app and its scripts read is declared and validated here
// (house style). The app validates its own at boot (instrumentation.ts → validateEnvironmentAtBoot):
// a missing or wrong value stops it with the variable's name, before the first request.
// Scripts (demo, dev, bench, embedded PostgreSQL, e2e server) call scriptEnv().

const port = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be 1 to 65535`)
    .max(65535, `${name} must be 1 to 65535`);
const flag = z.enum(["0", "1"], { message: "must be 0 or 1" }).optional();

/** Variables the scripts read; several are also read by the app. */
const scriptSchema = z.object({
  /** Unset: the scripts start embedded PostgreSQL. */
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  PORT: port("PORT").default(3000),
  EMBEDDED_PG_PORT: port("EMBEDDED_PG_PORT").default(54329),
  E2E_PORT: port("E2E_PORT").default(3100),
  BENCH_PORT: port("BENCH_PORT").default(3290),
  SKIP_BUILD: flag,
  KEEP_TEST_DB: flag,
  EMBEDDED_PG_LOG: flag,
  SCHEMA_ENGINE_LOG: flag,
  CHROMIUM_PATH: z.string().min(1).optional(),
});

const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  /**
   * A read replica of DATABASE_URL's database (a streaming standby). Set: the dashboards, the
   * trends and the case list read from it, a little behind the primary; unset: everything reads
   * the primary. docs/decisions/0093-read-replica.md
   */
  DATABASE_REPLICA_URL: z.string().url({ message: "DATABASE_REPLICA_URL must be a postgresql:// URL" }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Give up connecting to PostgreSQL, or waiting for a free connection of the pool, after this many milliseconds. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** PostgreSQL cancels any one statement of the app's that runs longer than this. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  /** The public address people use. When it is https, cookies are Secure and HSTS is sent. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Sign-in throttling per account and client pair: failures allowed in the window before refusing. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Backstop per account from any client: many more failures, over a longer window. */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(50),
  LOGIN_ACCOUNT_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
  /** Per client address across all accounts (password spraying). */
  LOGIN_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).default(30),
  /** How many reverse proxies in front of the app append to X-Forwarded-For; the client is the entry the outermost one added. */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  /** A browser sign-in lasts at most this many hours (absolute), and office roles are signed out after this many idle minutes. */
  SESSION_MAX_HOURS: z.coerce.number().min(0.1).max(10).default(10),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(600).default(30),
  /** Requests allowed per API token per minute (429 with Retry-After beyond it). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** How much the JSON log says: info logs every API request; debug more; silent nothing. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** 0: this web instance runs no housekeeping jobs (run `npm run worker` instead, or another instance does). */
  JOBS_IN_APP: flag,
  PORT: port("PORT").default(3000),
  EMBEDDED_PG_PORT: port("EMBEDDED_PG_PORT").default(54329),
});

export type Env = z.infer<typeof schema>;
export type ScriptEnv = z.infer<typeof scriptSchema>;

function parse<T>(zodSchema: z.ZodType<T>, source: Readonly<Record<string, string | undefined>>): T {
  // An empty value counts as unset (a blank line in a .env file is not a wrong value).
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = zodSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** Validated environment; fails fast naming the variable that is missing or wrong. */
export function env(): Env {
  cached ??= parse(schema, process.env);
  return cached;
}

/** The scripts' variables, validated the same way (they run before the app exists). */
export function scriptEnv(source: Readonly<Record<string, string | undefined>> = process.env): ScriptEnv {
  return parse(scriptSchema, source);
}

/** Validates the app's variables from a given source, for tests and the boot check. */
export function checkEnvironment(source: Readonly<Record<string, string | undefined>>): Env {
  return parse(schema, source);
}

/** Called once when the server boots: a wrong variable stops the process with its name. */
export function validateEnvironmentAtBoot(exit: (code: number) => never = process.exit): void {
  try {
    cached = checkEnvironment(process.env);
  } catch (error) {
    console.error(`Community Payback cannot start. ${(error as Error).message}`);
    exit(1);
  }
}
