import { z } from "zod";

// Every environment variable the app reads is declared and validated here (house style).
const schema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
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
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validated environment; fails fast naming the variable that is missing or wrong. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
