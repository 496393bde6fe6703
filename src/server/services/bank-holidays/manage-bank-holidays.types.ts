import { z } from "zod";
import { isIsoDate } from "@/domain";

const isoDate = z.string().refine(isIsoDate, { message: "Enter a real date" });

export const addBankHolidayInput = z
  .object({
    date: isoDate,
    name: z
      .string()
      .trim()
      .min(1, "Enter the name of the holiday")
      .max(100, "The name must be 100 characters or fewer"),
  })
  .strict();
export type AddBankHolidayInput = z.input<typeof addBankHolidayInput>;

export const removeBankHolidayInput = z.object({ date: isoDate }).strict();
export type RemoveBankHolidayInput = z.input<typeof removeBankHolidayInput>;

export const importBankHolidaysInput = z
  .object({ file: z.string().min(1, "Choose the bank-holidays.json file from GOV.UK").max(2_000_000) })
  .strict();
export type ImportBankHolidaysInput = z.input<typeof importBankHolidaysInput>;
