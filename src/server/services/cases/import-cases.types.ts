import { z } from "zod";
import { GENDERS, MANAGED_BY, ORDER_RELATIONS, ORDER_TYPES } from "@/domain";
import { CSV_IMPORT_MAX_CHARS } from "./import-limits";

// CSV import of new cases (issue 4 §2): the columns are the fields of POST /api/v1/cases
// (createCaseInput), one row per case, checked by the same schema and the same createCase rules.

export const IMPORT_COLUMNS = [
  "crn",
  "firstName",
  "lastName",
  "dateOfBirth",
  "gender",
  "ethnicity",
  "phone",
  "region",
  "pdu",
  "orderType",
  "managedBy",
  "sentenceDate",
  "court",
  "practitionerName",
  "hoursOrdered",
  // Concurrent and consecutive orders (docs/decisions/0049): optional, both or neither.
  "orderRelation",
  "relatedSentenceDate",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns a file must have (region may be left out: it is then the importer's own region). */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  "crn",
  "firstName",
  "lastName",
  "dateOfBirth",
  "gender",
  "orderType",
  "managedBy",
  "sentenceDate",
  "court",
  "hoursOrdered",
];

export const MAX_IMPORT_ROWS = 500;

export const importCasesInput = z
  .object({
    csv: z
      .string()
      .min(1, "Choose a CSV file to upload")
      .max(CSV_IMPORT_MAX_CHARS, "The file is too large: split it into files of at most 500 cases"),
    /** false: check every row and create nothing; true: create the valid rows, all in one transaction. */
    commit: z.boolean(),
  })
  .strict();
export type ImportCasesInput = z.input<typeof importCasesInput>;

/** Plain-English words for a cell that is missing or not one of the allowed values. */
export const IMPORT_CELL_MESSAGES: Record<string, string> = {
  crn: "Enter the CRN as one capital letter then six digits, for example X123456",
  firstName: "Enter the first name",
  lastName: "Enter the last name",
  dateOfBirth: "Enter the date of birth as DD/MM/YYYY or YYYY-MM-DD, for example 27/03/1990",
  gender: `Enter the gender as one of ${GENDERS.join(", ")}`,
  region: "Enter the region code, for example LON",
  orderType: `Enter the order type as one of ${ORDER_TYPES.join(", ")}`,
  managedBy: `Enter who manages the case as one of ${MANAGED_BY.join(", ")}`,
  sentenceDate: "Enter the sentence date as DD/MM/YYYY or YYYY-MM-DD, for example 16/11/2026",
  court: "Enter the sentencing court",
  hoursOrdered: "Enter the hours ordered as a whole number, for example 120",
  orderRelation: `Enter how this order runs with the person's other case as one of ${ORDER_RELATIONS.join(", ")}, or leave it blank`,
  relatedSentenceDate:
    "Enter the sentence date of the person's other case as DD/MM/YYYY or YYYY-MM-DD, for example 16/11/2026",
};

export type ImportRejection = { row: number; field: string; message: string };
export type ImportReport = {
  rows: number;
  /** `caseId` once created (commit), so the report links each new case. */
  valid: { row: number; crn: string; name: string; caseId?: string }[];
  rejected: ImportRejection[];
  /** The rejected rows as they were in the file, with a "problems" column: a CSV to correct and upload again. */
  rejectedCsv: string;
  /** True when the valid rows were created (commit), false for a check. */
  created: boolean;
};
