// Administrators keep the bank holidays: add or remove future dates, import GOV.UK's file; audited.
// The dates used are in 2031–2032 (after the shipped data) and are removed again afterwards.
import { afterAll, describe, expect, it } from "vitest";
import {
  addBankHoliday,
  importBankHolidays,
  removeBankHoliday,
} from "@/server/services/bank-holidays/manage-bank-holidays";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import { auditEventsFor, makeRegion, makeUser } from "../../support/factories";

const options = { today: "2031-01-10" };
const inTest = { date: { gte: new Date("2031-01-01T00:00:00Z"), lte: new Date("2032-12-31T00:00:00Z") } };

afterAll(async () => {
  await testDb.bankHoliday.deleteMany({ where: inTest });
  await testDb.$disconnect();
});

describe("bank holidays (administrators)", () => {
  it("adds a future date, audited; refuses a past date or a duplicate; removes it again", async () => {
    const admin = await makeUser("ADMIN", null);
    const added = expectOk(
      await addBankHoliday(admin, { date: "2031-06-02", name: "Coronation bank holiday" }, options),
    );
    expect(added).toEqual({ date: "2031-06-02", name: "Coronation bank holiday" });
    expect(await testDb.bankHoliday.findUnique({ where: { date: new Date("2031-06-02T00:00:00Z") } })).toMatchObject({
      source: "ADMIN",
    });
    expect((await auditEventsFor("BankHoliday", "2031-06-02")).map((e) => e.action)).toEqual(["bank-holiday.add"]);

    expect(await addBankHoliday(admin, { date: "2031-06-02", name: "Again" }, options)).toMatchObject({
      ok: false,
      field: "date",
    });
    expect(await addBankHoliday(admin, { date: "2031-01-09", name: "Too late" }, options)).toMatchObject({
      ok: false,
      field: "date",
    });

    expectOk(await removeBankHoliday(admin, { date: "2031-06-02" }, options));
    const events = await auditEventsFor("BankHoliday", "2031-06-02");
    expect(events.at(-1)).toMatchObject({
      action: "bank-holiday.remove",
      before: { name: "Coronation bank holiday" },
      after: null,
    });
  });

  it("imports GOV.UK's file: future England and Wales dates not yet recorded, nothing else", async () => {
    const admin = await makeUser("ADMIN", null);
    const file = JSON.stringify({
      "england-and-wales": {
        division: "england-and-wales",
        events: [
          { title: "New Year’s Day", date: "2031-01-01", notes: "", bunting: true },
          { title: "Good Friday", date: "2031-04-11", notes: "", bunting: false },
          { title: "Easter Monday", date: "2031-04-14", notes: "", bunting: true },
        ],
      },
      scotland: {
        division: "scotland",
        events: [{ title: "St Andrew’s Day", date: "2031-12-01", notes: "", bunting: true }],
      },
    });
    const first = expectOk(await importBankHolidays(admin, { file }, options));
    expect(first).toMatchObject({
      added: [{ date: "2031-04-11" }, { date: "2031-04-14" }],
      alreadyRecorded: 0,
      pastSkipped: 1,
    });
    const again = expectOk(await importBankHolidays(admin, { file }, options));
    expect(again).toMatchObject({ added: [], alreadyRecorded: 2 });
    expect(await importBankHolidays(admin, { file: "{}" }, options)).toMatchObject({ ok: false, field: "file" });
  });

  it("is for administrators only", async () => {
    const manager = await makeUser("MANAGER", await makeRegion());
    await expect(addBankHoliday(manager, { date: "2032-06-01", name: "No" }, options)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await testDb.bankHoliday.count({ where: { date: new Date("2032-06-01T00:00:00Z") } })).toBe(0);
  });
});
