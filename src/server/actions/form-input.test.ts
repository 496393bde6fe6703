import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FormReader, formValues, issuesToFieldErrors } from "./form-input";

describe("formValues", () => {
  it("keeps one string per field and an array for repeated names, and never echoes a password", () => {
    const form = new FormData();
    form.append("crn", "X123456");
    form.append("riskCodes", "ARSON");
    form.append("riskCodes", "SEXUAL_OFFENCE");
    form.append("password", "secret");
    form.append("$ACTION_ID_abc", "");
    expect(formValues(form)).toEqual({ crn: "X123456", riskCodes: ["ARSON", "SEXUAL_OFFENCE"] });
  });
});

describe("FormReader", () => {
  const reader = new FormReader({
    blank: "  ",
    hours: "120",
    odd: "12x",
    minus: "-5",
    tick: "true",
    no: "false",
    many: ["a", "", "b"],
  });
  it("reads empty text as not given", () => expect(reader.text("blank")).toBeUndefined());
  it("turns numbers into numbers and leaves anything else for the schema to refuse", () => {
    expect(reader.number("hours")).toBe(120);
    expect(reader.number("minus")).toBe(-5);
    expect(reader.number("odd")).toBe("12x");
    expect(reader.number("missing")).toBeUndefined();
  });
  it("reads tick boxes and yes/no answers", () => {
    expect(reader.boolean("tick")).toBe(true);
    expect(reader.boolean("missing")).toBe(false);
    expect(reader.yesNo("no")).toBe(false);
    expect(reader.yesNo("missing")).toBeUndefined();
  });
  it("drops empty entries from lists", () => expect(reader.list("many")).toEqual(["a", "b"]));
});

describe("issuesToFieldErrors", () => {
  const schema = z.object({
    crn: z.string().regex(/^[A-Z]\d{6}$/, "Enter the CRN like X123456"),
    hours: z.number().int(),
    codes: z.array(z.enum(["A", "B"])),
  });
  it("gives one plain message per field, using the form's own words for missing or wrongly typed answers", () => {
    const result = schema.safeParse({ crn: "bad", hours: "12x", codes: ["C"] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(issuesToFieldErrors(result.error.issues, {}, { hours: "Enter whole hours" })).toEqual([
      { field: "crn", message: "Enter the CRN like X123456" },
      { field: "hours", message: "Enter whole hours" },
      { field: "codes", message: expect.any(String) },
    ]);
  });
  it("says what is missing in plain words when no message is given", () => {
    const result = schema.safeParse({ crn: "X123456", codes: [] });
    if (result.success) throw new Error("expected a failure");
    expect(issuesToFieldErrors(result.error.issues)).toEqual([
      { field: "hours", message: "Enter or choose an answer" },
    ]);
  });
});
