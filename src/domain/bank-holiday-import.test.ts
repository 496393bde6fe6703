import { describe, expect, it } from "vitest";
import { parseGovUkBankHolidays } from "./bank-holiday-import";

const file = {
  "england-and-wales": {
    division: "england-and-wales",
    events: [
      { title: "Christmas Day", date: "2027-12-27", notes: "Substitute day", bunting: true },
      { title: "New Year’s Day", date: "2027-01-01", notes: "", bunting: true },
    ],
  },
  scotland: {
    division: "scotland",
    events: [{ title: "St Andrew’s Day", date: "2027-11-30", notes: "", bunting: true }],
  },
};

describe("parseGovUkBankHolidays", () => {
  it("reads England and Wales only, in date order", () => {
    expect(parseGovUkBankHolidays(JSON.stringify(file))).toEqual({
      ok: true,
      holidays: [
        { date: "2027-01-01", name: "New Year’s Day" },
        { date: "2027-12-27", name: "Christmas Day" },
      ],
    });
  });
  it("says plainly when the file is not the GOV.UK format", () => {
    expect(parseGovUkBankHolidays("not json")).toMatchObject({ ok: false });
    expect(parseGovUkBankHolidays(JSON.stringify({ scotland: file.scotland }))).toMatchObject({ ok: false });
    expect(
      parseGovUkBankHolidays(JSON.stringify({ "england-and-wales": { events: [{ title: "x", date: "2027-02-30" }] } })),
    ).toMatchObject({ ok: false });
  });
});
