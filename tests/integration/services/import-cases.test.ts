// CSV import of new cases: the same schema and createCase rules per row, a report of the
// rejected rows, and all-or-nothing creation of the valid ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../support/db";
import {
  makeCase,
  makeRegion,
  makeRegionalStaff,
  seedReferenceData,
  uniqueCrn,
  type TestRegion,
  type TestUser,
} from "../../support/factories";
import { db } from "@/server/db/client";
import { importCases } from "@/server/services/cases/import-cases";
import { IMPORT_COLUMNS } from "@/server/services/cases/import-cases.types";

const today = "2026-11-23";
const options = { today };

let region: TestRegion;
let coordinator: TestUser;

beforeAll(async () => {
  await seedReferenceData();
  region = await makeRegion();
  ({ coordinator } = await makeRegionalStaff(region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;
const good = (over: Cells = {}): Cells => ({
  crn: uniqueCrn(),
  firstName: "Jo",
  lastName: "Import",
  dateOfBirth: "1990-03-27",
  gender: "FEMALE",
  orderType: "COMMUNITY_ORDER",
  managedBy: "STANDALONE_UPW",
  sentenceDate: "2026-11-16",
  court: "Highbury Corner Magistrates' Court",
  hoursOrdered: "120",
  ...over,
});
const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvOf = (rows: Cells[]) =>
  [IMPORT_COLUMNS.join(","), ...rows.map((row) => IMPORT_COLUMNS.map((c) => quote(row[c] ?? "")).join(","))].join(
    "\r\n",
  );
const requirementsFor = (crns: string[]) => testDb.requirement.count({ where: { person: { crn: { in: crns } } } });

describe("importCases", () => {
  it("checks every row, reports the bad ones with row, field and a plain message, and creates nothing", async () => {
    const rows = [good(), good({ hoursOrdered: "400" }), good({ dateOfBirth: "1990-13-27", gender: "X" }), good()];
    const result = await importCases(coordinator, { csv: csvOf(rows), commit: false }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows).toBe(4);
    expect(result.value.created).toBe(false);
    expect(result.value.valid.map((v) => v.row)).toEqual([2, 5]);
    expect(result.value.rejected).toEqual([
      { row: 3, field: "hoursOrdered", message: expect.stringMatching(/from 40 to 300/) },
      { row: 4, field: "dateOfBirth", message: "Enter a real date as YYYY-MM-DD" },
      { row: 4, field: "gender", message: "Enter the gender as one of MALE, FEMALE, OTHER" },
    ]);
    expect(await requirementsFor(rows.map((r) => r.crn!))).toBe(0);
  });

  it("reports every problem of a row at once, takes dd/mm/yyyy dates, and offers the rejected rows as a CSV (issue 13)", async () => {
    const several = good({ hoursOrdered: "400", sentenceDate: "30/11/2026", firstName: "Zoë" });
    const rows = [good({ dateOfBirth: "27/03/1990", sentenceDate: "16/11/2026" }), several];
    const result = await importCases(coordinator, { csv: csvOf(rows), commit: false }, options);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.valid.map((v) => v.row)).toEqual([2]);
    expect(result.value.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, "sentenceDate"],
      [3, "hoursOrdered"],
    ]);
    const lines = result.value.rejectedCsv.trim().split("\r\n");
    expect(lines[0]).toBe(`${IMPORT_COLUMNS.join(",")},problems`);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Zoë");
    expect(lines[1]).toContain("30/11/2026");
    expect(lines[1]).toMatch(/sentenceDate: The sentence date cannot be in the future\. hoursOrdered: .*40 to 300/);
  });

  it("creates the valid rows in one go when asked, leaves out the rejected ones, and audits the import", async () => {
    const rows = [good(), good({ hoursOrdered: "ten" }), good({ region: "NOPE" }), good()];
    const result = await importCases(coordinator, { csv: csvOf(rows), commit: true }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.created).toBe(true);
    expect(result.value.valid.map((v) => v.crn)).toEqual([rows[0]!.crn, rows[3]!.crn]);
    // Each created case carries its id, so the report links it.
    const ids = await testDb.requirement.findMany({
      where: { person: { crn: { in: [rows[0]!.crn!, rows[3]!.crn!] } } },
      select: { id: true },
    });
    expect(new Set(result.value.valid.map((v) => v.caseId))).toEqual(new Set(ids.map((r) => r.id)));
    expect(result.value.rejected.map((r) => [r.row, r.field])).toEqual([
      [3, "hoursOrdered"],
      [4, "region"],
    ]);
    expect(await requirementsFor([rows[0]!.crn!, rows[3]!.crn!])).toBe(2);
    expect(await requirementsFor([rows[1]!.crn!, rows[2]!.crn!])).toBe(0);
    const events = await testDb.auditEvent.findMany({
      where: { action: "requirement.import", actorId: coordinator.id },
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ rows: 4, created: [{ row: 2 }, { row: 5 }] });
    // Each case is audited as createCase audits it.
    expect(
      await testDb.auditEvent.count({ where: { action: "requirement.create", actorId: coordinator.id } }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("refuses a CRN that appears twice in the file (the later row) and one already held by someone else", async () => {
    const existing = await makeCase(region);
    const twice = good();
    const rows = [twice, { ...twice }, good({ crn: existing.crn, firstName: "Someone", lastName: "Else" })];
    const result = await importCases(coordinator, { csv: csvOf(rows), commit: false }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.valid.map((v) => v.row)).toEqual([2]);
    expect(result.value.rejected).toEqual([
      { row: 3, field: "crn", message: `CRN ${twice.crn} is also on row 2. Put each case in the file once.` },
      { row: 4, field: "crn", message: expect.stringMatching(/already belongs to someone with a different name/) },
    ]);
  });

  it("records how an order runs with the person's other case, and reports each relation problem on its row", async () => {
    const person = async (sentenceDates: `${number}-${number}-${number}`[]) => {
      const first = await makeCase(region, { sentenceDate: sentenceDates[0] });
      const others = [];
      for (const sentenceDate of sentenceDates.slice(1))
        others.push(await makeCase(region, { sentenceDate, personId: first.personId }));
      const p = await testDb.person.findUniqueOrThrow({ where: { id: first.personId } });
      return {
        cases: [first, ...others].map((c) => c.requirementId),
        cells: { crn: p.crn, firstName: p.firstName, lastName: p.lastName, dateOfBirth: "1990-01-01", gender: "MALE" },
      };
    };
    const oneCase = await person(["2026-06-01"]);
    const twoCases = await person(["2026-05-04", "2026-07-06"]);
    const twoMore = await person(["2026-05-04", "2026-07-06"]);
    const [badWord, noSuchDate, noRelation] = [
      await person(["2026-06-01"]),
      await person(["2026-06-01"]),
      await person(["2026-06-01"]),
    ];
    const rows = [
      good({ ...oneCase.cells, orderRelation: "consecutive" }),
      good({ ...twoCases.cells, orderRelation: "CONCURRENT" }),
      good({ ...twoMore.cells, orderRelation: "CONSECUTIVE", relatedSentenceDate: "06/07/2026" }),
      good({ orderRelation: "CONSECUTIVE" }),
      good({ ...badWord.cells, orderRelation: "AFTER" }),
      good({ ...noSuchDate.cells, orderRelation: "CONSECUTIVE", relatedSentenceDate: "2026-01-01" }),
      good({ ...noRelation.cells, relatedSentenceDate: "2026-06-01" }),
    ];
    const result = await importCases(coordinator, { csv: csvOf(rows), commit: true }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.valid.map((v) => v.row)).toEqual([2, 4]);
    expect(result.value.rejected).toEqual([
      {
        row: 3,
        field: "relatedSentenceDate",
        message: expect.stringMatching(/has more than one case\. Enter the sentence date/),
      },
      {
        row: 5,
        field: "orderRelation",
        message: expect.stringMatching(/has no case for this order to run with or after/),
      },
      {
        row: 6,
        field: "orderRelation",
        message: expect.stringMatching(/one of CONCURRENT, CONSECUTIVE, or leave it blank/),
      },
      {
        row: 7,
        field: "relatedSentenceDate",
        message: expect.stringMatching(/has no case sentenced on 1 January 2026/),
      },
      { row: 8, field: "orderRelation", message: expect.stringMatching(/one of CONCURRENT, CONSECUTIVE/) },
    ]);
    const created = await testDb.requirement.findMany({
      where: { id: { in: result.value.valid.map((v) => v.caseId!) } },
      select: { orderRelation: true, relatedRequirementId: true },
      orderBy: { person: { crn: "asc" } },
    });
    expect(created).toEqual(
      expect.arrayContaining([
        { orderRelation: "CONSECUTIVE", relatedRequirementId: oneCase.cases[0] },
        { orderRelation: "CONSECUTIVE", relatedRequirementId: twoMore.cases[1] },
      ]),
    );
  });

  it("creates nothing when no row is valid", async () => {
    const rows = [good({ hoursOrdered: "20" }), good({ court: "" })];
    const result = await importCases(coordinator, { csv: csvOf(rows), commit: true }, options);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", field: "file" });
    expect(await requirementsFor(rows.map((r) => r.crn!))).toBe(0);
  });

  it("refuses a file that is not the template", async () => {
    const result = await importCases(coordinator, { csv: "name,hours\nJo,120", commit: false }, options);
    expect(result).toMatchObject({
      ok: false,
      field: "file",
      message: expect.stringMatching(/columns the template does not: name, hours/),
    });
    const empty = await importCases(coordinator, { csv: IMPORT_COLUMNS.join(","), commit: false }, options);
    expect(empty).toMatchObject({ ok: false, field: "file", message: expect.stringMatching(/no cases/) });
  });
});
