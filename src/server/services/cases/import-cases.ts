import "server-only";
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import {
  formatDate,
  isIsoDate,
  isoFromUkDate,
  ORDER_RELATIONS,
  utcDateFromIsoDate,
  type OrderRelation,
} from "@/domain";
import { assertCan, type AppUser } from "@/server/auth/access";
import { audit } from "@/server/audit";
import { db } from "@/server/db/client";
import type { Tx } from "@/server/db/create-client";
import { inNewTransaction } from "@/server/db/transaction";
import { todayFor, type ServiceOptions } from "../context";
import { invalidInput, success, type CommandResult } from "../result";
import { createCase } from "./create-case";
import { createCaseInput } from "./create-case.types";
import {
  IMPORT_CELL_MESSAGES,
  IMPORT_COLUMNS,
  importCasesInput,
  MAX_IMPORT_ROWS,
  REQUIRED_COLUMNS,
  type ImportCasesInput,
  type ImportReport,
} from "./import-cases.types";

/** Carries the report out of a check's transaction so everything it wrote rolls back. */
class CheckOnly {
  constructor(readonly report: ImportReport) {}
}

type Row = Record<string, string>;

function readCsv(csv: string): { ok: true; rows: Row[] } | { ok: false; message: string } {
  try {
    const rows = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }) as Row[];
    return { ok: true, rows };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      message: `The file could not be read as CSV${line ? ` (near line ${line})` : ""}. Save it from the template as "CSV (comma delimited)" and try again.`,
    };
  }
}

/**
 * A cell as createCase's raw input takes it: blank is "not given", hours become a number when
 * numeric, and dates may be written dd/mm/yyyy as well as YYYY-MM-DD (issue 13).
 */
function rawCase(row: Row, regionCode: string) {
  const cell = (name: string) => {
    const value = row[name]?.trim();
    return value ? value : undefined;
  };
  const date = (name: string) => {
    const value = cell(name);
    return value === undefined ? undefined : isoFromUkDate(value);
  };
  const hours = cell("hoursOrdered");
  return {
    crn: cell("crn") ?? "",
    firstName: cell("firstName") ?? "",
    lastName: cell("lastName") ?? "",
    dateOfBirth: date("dateOfBirth") ?? "",
    gender: cell("gender")?.toUpperCase(),
    ethnicity: cell("ethnicity"),
    phone: cell("phone"),
    region: cell("region")?.toUpperCase() ?? regionCode,
    pdu: cell("pdu"),
    orderType: cell("orderType")?.toUpperCase(),
    managedBy: cell("managedBy")?.toUpperCase(),
    sentenceDate: date("sentenceDate") ?? "",
    court: cell("court") ?? "",
    practitionerName: cell("practitionerName"),
    hoursOrdered: hours !== undefined && /^-?\d+(\.\d+)?$/.test(hours) ? Number(hours) : hours,
  };
}

type Relation = { orderRelation?: OrderRelation; relatedCaseId?: string };

/**
 * The optional relation columns (docs/decisions/0049): `orderRelation` (CONCURRENT or CONSECUTIVE)
 * and `relatedSentenceDate`, the sentence date of the same person's case it runs with or after —
 * which may be left blank when the person has exactly one other case. The case is looked up by the
 * row's CRN (any region, as the form and the API allow); createCase then checks the relation itself.
 */
async function relationOf(
  tx: Tx,
  row: Row,
  crn: string,
): Promise<{ ok: true; value: Relation } | { ok: false; field: string; message: string }> {
  const relation = row.orderRelation?.trim().toUpperCase() ?? "";
  const dateText = row.relatedSentenceDate?.trim() ?? "";
  if (relation === "" && dateText === "") return { ok: true, value: {} };
  const fail = (field: string, message: string) => ({ ok: false as const, field, message });
  if (!(ORDER_RELATIONS as readonly string[]).includes(relation))
    return fail("orderRelation", IMPORT_CELL_MESSAGES.orderRelation ?? "");
  const date = dateText === "" ? null : isoFromUkDate(dateText);
  if (date !== null && !isIsoDate(date))
    return fail("relatedSentenceDate", IMPORT_CELL_MESSAGES.relatedSentenceDate ?? "");
  const cases = await tx.requirement.findMany({
    where: { person: { crn }, ...(date ? { sentenceDate: utcDateFromIsoDate(date) } : {}) },
    select: { id: true },
    take: 2,
  });
  const on = date ? ` sentenced on ${formatDate(date)}` : "";
  if (cases.length === 0)
    return fail(
      date ? "relatedSentenceDate" : "orderRelation",
      `CRN ${crn} has no case${on} for this order to run with or after. Check the CRN and the date, or leave orderRelation blank.`,
    );
  if (cases.length > 1)
    return fail(
      "relatedSentenceDate",
      date
        ? `CRN ${crn} has more than one case sentenced on ${formatDate(date)}. Record how this order runs from its case page instead.`
        : `CRN ${crn} has more than one case. Enter the sentence date of the one this order runs with or after in relatedSentenceDate.`,
    );
  return { ok: true, value: { orderRelation: relation as OrderRelation, relatedCaseId: cases[0]?.id } };
}

/**
 * CSV import of new cases. Every row goes through createCaseInput (the API's schema) and then
 * createCase itself (R1 hours, duplicate CRN, dates, PDU…), inside ONE transaction. A check
 * (`commit: false`) rolls that transaction back and returns the report; `commit: true` keeps
 * the valid rows — all of them or, on any error, none — and audits the import. A CRN twice in
 * one file is refused on its later rows. Coordinators and managers, own region only. It always
 * opens its own transaction (a check must be able to roll back), so `options.tx` is not used.
 */
export async function importCases(
  actor: AppUser,
  rawInput: ImportCasesInput,
  options?: ServiceOptions,
): Promise<CommandResult<ImportReport>> {
  const input = importCasesInput.parse(rawInput);
  const today = todayFor(options);
  assertCan(actor, "case.create");
  const regionCode = actor.regionCode;
  if (!regionCode) return invalidInput("file", "Only staff of a region can import cases.");

  const read = readCsv(input.csv);
  if (!read.ok) return invalidInput("file", read.message);
  const header = read.rows[0] ? Object.keys(read.rows[0]) : [];
  const unknown = header.filter((column) => !(IMPORT_COLUMNS as readonly string[]).includes(column));
  if (unknown.length > 0)
    return invalidInput(
      "file",
      `The file has columns the template does not: ${unknown.join(", ")}. Use the column names of the template.`,
    );
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (read.rows.length === 0)
    return invalidInput("file", "The file has no cases in it: add one row per case under the template's header row.");
  if (missing.length > 0)
    return invalidInput("file", `The file is missing these columns: ${missing.join(", ")}. Use the template.`);
  if (read.rows.length > MAX_IMPORT_ROWS)
    return invalidInput("file", `The file has ${read.rows.length} cases; import at most ${MAX_IMPORT_ROWS} at a time.`);

  const run = async (tx: Tx): Promise<ImportReport> => {
    const report: ImportReport = {
      rows: read.rows.length,
      valid: [],
      rejected: [],
      rejectedCsv: "",
      created: input.commit,
    };
    const firstRowOfCrn = new Map<string, number>();
    for (const [index, row] of read.rows.entries()) {
      const rowNumber = index + 2; // the header is row 1, as in a spreadsheet
      const reject = (field: string, message: string) => report.rejected.push({ row: rowNumber, field, message });
      const parsed = createCaseInput.safeParse(rawCase(row, regionCode));
      if (!parsed.success) {
        const seen = new Set<string>();
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "row");
          if (seen.has(field)) continue;
          seen.add(field);
          const generic = issue.code === "invalid_type" || issue.code === "invalid_value";
          reject(field, (generic ? IMPORT_CELL_MESSAGES[field] : undefined) ?? issue.message);
        }
        continue;
      }
      const data = parsed.data;
      const earlier = firstRowOfCrn.get(data.crn);
      if (earlier !== undefined) {
        reject("crn", `CRN ${data.crn} is also on row ${earlier}. Put each case in the file once.`);
        continue;
      }
      firstRowOfCrn.set(data.crn, rowNumber);
      if (data.region !== regionCode) {
        reject("region", `You can only import cases for your own region (${regionCode}).`);
        continue;
      }
      const relation = await relationOf(tx, row, data.crn);
      if (!relation.ok) {
        reject(relation.field, relation.message);
        continue;
      }
      const created = await createCase(actor, { ...data, ...relation.value }, { tx, today });
      if (!created.ok) {
        // Every problem of the row at once, not just the first; the related case is named by its sentence date here.
        for (const problem of created.problems ?? [{ field: created.field ?? "row", message: created.message }])
          reject(problem.field === "relatedCaseId" ? "relatedSentenceDate" : problem.field, problem.message);
        continue;
      }
      report.valid.push({
        row: rowNumber,
        crn: data.crn,
        name: `${data.firstName} ${data.lastName}`,
        ...(input.commit ? { caseId: created.value.id } : {}),
      });
    }
    report.rejectedCsv = rejectedRowsCsv(header, read.rows, report.rejected);
    if (input.commit) {
      await audit(tx, actor, {
        action: "requirement.import",
        entityType: "CaseImport",
        entityId: randomUUID(),
        regionId: actor.regionId,
        after: { rows: report.rows, created: report.valid, rejected: report.rejected },
      });
    }
    return report;
  };

  if (!input.commit) {
    try {
      await inNewTransaction(db, "caseImport", async (tx) => {
        throw new CheckOnly(await run(tx));
      });
    } catch (error) {
      if (error instanceof CheckOnly) return success(error.report);
      throw error;
    }
  }
  return createValidRows(run);
}

/** The rejected rows as they were, plus a "problems" column, for correcting and uploading again. */
function rejectedRowsCsv(header: string[], rows: Row[], rejected: ImportReport["rejected"]): string {
  if (rejected.length === 0) return "";
  const problemsByRow = new Map<number, string[]>();
  for (const r of rejected) problemsByRow.set(r.row, [...(problemsByRow.get(r.row) ?? []), `${r.field}: ${r.message}`]);
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [[...header, "problems"].map(quote).join(",")];
  for (const [rowNumber, problems] of problemsByRow) {
    const row = rows[rowNumber - 2] ?? {};
    lines.push([...header.map((column) => row[column] ?? ""), problems.join(" ")].map(quote).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

// With commit: the valid rows are created in one transaction; with none valid nothing is written.
async function createValidRows(run: (tx: Tx) => Promise<ImportReport>): Promise<CommandResult<ImportReport>> {
  try {
    const report = await inNewTransaction(db, "caseImport", async (tx) => {
      const report = await run(tx);
      if (report.valid.length === 0) throw new CheckOnly(report);
      return report;
    });
    return success(report);
  } catch (error) {
    if (error instanceof CheckOnly)
      return invalidInput(
        "file",
        "None of the rows can be created, so nothing was imported. Correct the rows listed and upload the file again.",
      );
    throw error;
  }
}
