import type { IsoDate } from "@/domain/dates";
import type { RuleCommencements } from "@/server/rules/rule-commencements";

// What a dashboard view is about, and the reporting windows and figure families every source
// shares (split out of ../dashboard-figures.ts, which re-exports it).

export const TEAM_TYPES = ["STANDALONE_UPW", "SENTENCE_MANAGEMENT"] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

/** What a dashboard view is about: a date, and optionally a region, a PDU (in that region) and a team type. */
export type DashboardScope = {
  asOf: IsoDate;
  regionId: string | null;
  pduId?: string | null;
  teamType?: TeamType | null;
  /** The Sentencing Act 2026 commencement dates the services use (loadRuleCommencements); none when omitted. */
  rules?: RuleCommencements;
  /** Only these requirements (the figure facts replace the rows of the requirements a write touched: ../figure-facts.ts). */
  requirementIds?: readonly string[];
};

/** One year of cohorts, like HMPPS's annual performance measures. A reporting choice, not a rule. */
export const REPORTING_WINDOW_MONTHS = 12;
/** Stand-down rate: allocations in the 28 days up to D (the dormancy window's length). */
export const STAND_DOWN_WINDOW_DAYS = 28;
/** Hours delivered per week: the 7 days up to and including D. */
export const HOURS_WINDOW_DAYS = 7;
/** Breach rate: age bands of docs/domain.md §5. */
export const YOUNG_ADULT_AGE_BELOW = 25;

/** The sources: each is a family of figures over the same rows (see FIGURES for the drill-down keys). */
export const SOURCES = [
  "active",
  "backlog",
  "dormant",
  "nearing",
  "commenced",
  "completed",
  "ete",
  "breach",
  "standDown",
  "hours",
  "review6",
  "review9",
  "expiredSso",
  "enforcementOverdue",
] as const;
export type SourceKey = (typeof SOURCES)[number];
