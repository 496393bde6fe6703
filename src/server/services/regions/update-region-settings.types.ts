import { z } from "zod";

// A region's own rule settings (R9 auto-enforcement, R10 over-booking limit and people per supervisor).
export const updateRegionSettingsInput = z
  .object({
    regionId: z.uuid(),
    version: z.number().int().nonnegative(),
    overSubscriptionPercent: z
      .number({ message: "Enter the over-booking limit as a whole percentage" })
      .int("Enter the over-booking limit as a whole percentage")
      .min(100, "The over-booking limit must be at least 100% (the session's capacity)")
      .max(200, "The over-booking limit must be 200% or less"),
    maxPeoplePerSupervisor: z
      .number({ message: "Enter the number of people as a whole number" })
      .int("Enter the number of people as a whole number")
      .min(1, "A supervisor must be able to take at least 1 person")
      .max(30, "Enter 30 people or fewer")
      .nullable(),
    autoEnforcement: z.boolean(),
  })
  .strict();
export type UpdateRegionSettingsInput = z.input<typeof updateRegionSettingsInput>;
