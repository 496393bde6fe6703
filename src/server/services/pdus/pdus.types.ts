import { z } from "zod";
import { plainText } from "@/server/input/plain-text";
import { DB_INT_MAX } from "../schemas";

// Probation delivery units within a region, maintained by administrators (decision 0075).

const name = plainText.pipe(
  z.string().trim().min(1, "Enter the PDU's name").max(200, "Enter a name of 200 characters or fewer"),
);

export const addPduInput = z
  .object({
    regionId: z.uuid(),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .min(1, "Enter a short code for the PDU, for example WAL-CAR")
      .max(16, "Enter a code of 16 characters or fewer")
      .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, "Enter the code with letters, numbers and hyphens only, for example WAL-CAR"),
    name,
  })
  .strict();
export type AddPduInput = z.input<typeof addPduInput>;

export const renamePduInput = z
  .object({ pduId: z.uuid(), version: z.number().int().positive().max(DB_INT_MAX), name })
  .strict();
export type RenamePduInput = z.input<typeof renamePduInput>;

export const pduSelect = { id: true, regionId: true, code: true, name: true, version: true } as const;
export type PduRecord = { id: string; regionId: string; code: string; name: string; version: number };
