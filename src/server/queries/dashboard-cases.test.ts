import { describe, expect, it } from "vitest";
import { figureCasesCsv, type DrillRow, type FigureCaseList } from "./dashboard-cases";

const row = (overrides: Partial<DrillRow>): DrillRow => ({
  id: "id-1",
  crn: "X123456",
  firstName: "Sam",
  lastName: "Smith",
  regionCode: "LON",
  regionName: "London",
  pduName: "Croydon",
  managedBy: "STANDALONE_UPW",
  sentenceDate: "2025-10-01",
  hoursOrdered: 100,
  band: "RED",
  met: null,
  x: 1530,
  y: 0,
  keyDate: "2026-10-01",
  ...overrides,
});

const list = (rows: DrillRow[], source: FigureCaseList["source"] = "nearing"): FigureCaseList => ({
  figure: "nearing-end",
  title: "Nearing the end date",
  source,
  total: rows.length,
  hiddenRestricted: 0,
  pageCount: 1,
  rows,
});

describe("the drill-down CSV", () => {
  it("has a header row, the figure's own columns and one line per case (CRLF, RFC 4180)", () => {
    expect(figureCasesCsv(list([row({})]))).toBe(
      "CRN,Last name,First name,Region,PDU,Team,Sentence date,Hours ordered,End date,Rating and hours to do\r\n" +
        "X123456,Smith,Sam,London,Croydon,Unpaid work team,2025-10-01,100,2026-10-01,Red: 25h 30m to do\r\n",
    );
  });

  it("quotes commas and quotes, and defuses cells a spreadsheet would run as a formula", () => {
    const csv = figureCasesCsv(
      list([row({ lastName: 'O"Neil, Jr', firstName: "=HYPERLINK(1)", pduName: null })], "backlog"),
    );
    expect(csv.split("\r\n")[1]).toBe(
      'X123456,"O""Neil, Jr",\'=HYPERLINK(1),London,,Unpaid work team,2025-10-01,100,2026-10-01',
    );
  });
});
