import { z } from "zod";
import { PLACEMENT_FEATURES } from "@/domain";
import { plainText } from "@/server/input/plain-text";
import { DB_INT_MAX } from "../schemas";

// The national risk-code catalogue, maintained by administrators (decision 0074). Browser forms
// only: docs/api.md defines no catalogue routes.

const version = z.number().int().positive().max(DB_INT_MAX);
const title = plainText.pipe(
  z
    .string()
    .trim()
    .min(1, "Enter a title, for example Risk to children")
    .max(200, "Enter a title of 200 characters or fewer"),
);
const guidance = plainText.pipe(
  z
    .string()
    .trim()
    .min(1, "Enter the guidance a supervisor reads, in plain words")
    .max(4000, "Enter guidance of 4,000 characters or fewer"),
);
const conflictsWith = z
  .array(z.enum(PLACEMENT_FEATURES, { message: "Choose features from the list" }))
  .max(PLACEMENT_FEATURES.length);

export const addRiskCodeInput = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, "Enter the code, for example RC")
      .max(16, "Enter a code of 16 characters or fewer")
      .regex(/^[A-Z0-9]+$/, "Enter the code with letters and numbers only, for example RC"),
    title,
    guidance,
    conflictsWith,
  })
  .strict();
export type AddRiskCodeInput = z.input<typeof addRiskCodeInput>;

export const updateRiskCodeInput = z.object({ riskCodeId: z.uuid(), version, title, guidance, conflictsWith }).strict();
export type UpdateRiskCodeInput = z.input<typeof updateRiskCodeInput>;

export const setRiskCodeActiveInput = z.object({ riskCodeId: z.uuid(), version, active: z.boolean() }).strict();
export type SetRiskCodeActiveInput = z.input<typeof setRiskCodeActiveInput>;

export const riskCodeSelect = {
  id: true,
  code: true,
  title: true,
  guidance: true,
  conflictsWith: true,
  active: true,
  version: true,
} as const;

export type RiskCodeRecord = {
  id: string;
  code: string;
  title: string;
  guidance: string;
  conflictsWith: (typeof PLACEMENT_FEATURES)[number][];
  active: boolean;
  version: number;
};
