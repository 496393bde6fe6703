import { Prisma } from "@/generated/prisma/client";
import type { SourceKey } from "./scope";

// ───────────────────────────── drill-down keys: a source and a filter on its rows

export type FigureDef = { source: SourceKey; filter: Prisma.Sql | null; title: string };

const f = (source: SourceKey, title: string, filter: Prisma.Sql | null = null): FigureDef => ({
  source,
  filter,
  title,
});

/** Every list a dashboard figure links to. The filter reads the source's columns (`s`) and the person (`p`). */
export const FIGURES = {
  active: f("active", "Active caseload"),
  backlog: f("backlog", "Backlog"),
  dormant: f("dormant", "Dormant cases"),
  "nearing-end": f("nearing", "Nearing the end date"),
  "nearing-red": f("nearing", "Nearing the end date: red", Prisma.sql`s.band = 'RED'`),
  "nearing-amber": f("nearing", "Nearing the end date: amber", Prisma.sql`s.band = 'AMBER'`),
  "nearing-green": f("nearing", "Nearing the end date: green", Prisma.sql`s.band = 'GREEN'`),
  commenced: f("commenced", "Start deadline in the last 12 months"),
  "commenced-late": f("commenced", "Not started by the start deadline", Prisma.sql`NOT s.met`),
  completed: f("completed", "Twelve months ended in the last 12 months"),
  "completed-late": f("completed", "Not completed within 12 months", Prisma.sql`NOT s.met`),
  "ete-use": f("ete", "Using ETE"),
  "ete-full": f("ete", "Using the full ETE allowance", Prisma.sql`s.met`),
  breach: f("breach", "Warning or breach in the last 12 months", Prisma.sql`s.met`),
  "breach-under25": f(
    "breach",
    "Warning or breach in the last 12 months: under 25",
    Prisma.sql`s.met AND s.band = 'UNDER_25'`,
  ),
  "breach-25plus": f(
    "breach",
    "Warning or breach in the last 12 months: 25 and over",
    Prisma.sql`s.met AND s.band = 'AGE_25_PLUS'`,
  ),
  "breach-male": f("breach", "Warning or breach in the last 12 months: men", Prisma.sql`s.met AND p."gender" = 'MALE'`),
  "breach-female": f(
    "breach",
    "Warning or breach in the last 12 months: women",
    Prisma.sql`s.met AND p."gender" = 'FEMALE'`,
  ),
  "stand-down": f("standDown", "Stood down in the last 28 days", Prisma.sql`s.met`),
  "hours-delivered": f("hours", "Hours credited in the last 7 days"),
  "review-6": f("review6", "6-month review overdue"),
  "review-9": f("review9", "9-month review overdue"),
  "expired-sso": f("expiredSso", "Suspended sentence orders expired incomplete"),
  "enforcement-overdue": f("enforcementOverdue", "Failures to comply with no warning or breach in time"),
} as const satisfies Record<string, FigureDef>;
export type FigureKey = keyof typeof FIGURES;
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[];

/** Breach rows of one ethnicity ("" = not recorded), for the ethnicity split's drill-down. */
export const ethnicityFilter = (ethnicity: string) =>
  ethnicity === ""
    ? Prisma.sql`(p."ethnicity" IS NULL OR p."ethnicity" = '')`
    : Prisma.sql`p."ethnicity" = ${ethnicity}`;
