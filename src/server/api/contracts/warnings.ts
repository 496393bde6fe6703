import { z } from "zod";
import { WARNING_CODES } from "@/domain";

// Every command reply that carries rule warnings (R1's "more than 300 hours outstanding", a lone
// woman whose consent is now needed…) returns them as `warnings: [{ code, message }]`.
export const ruleWarnings = z
  .array(z.object({ code: z.enum(WARNING_CODES), message: z.string() }).meta({ title: "RuleWarning" }))
  .optional()
  .describe("Things to know that did not block the command; left out when there are none");
