import { z } from "zod";
import { PLACEMENT_FEATURES } from "@/domain";
import { optionalText, versionSchema } from "../schemas";

// PATCH /api/v1/placements/{id}: edit, close (active: false) or reopen (active: true) a placement.

export const updatePlacementBody = z
  .object({
    version: versionSchema.describe("The placement's version as last read; a stale one is a 409 with both versions"),
    name: z.string().trim().min(1, "Enter the placement's name").max(200).optional(),
    capacity: z.number().int("Enter a whole number of places").min(1).max(100).optional(),
    features: z
      .array(z.enum(PLACEMENT_FEATURES))
      .max(PLACEMENT_FEATURES.length)
      .refine((f) => new Set(f).size === f.length, "List each feature once")
      .optional(),
    address: optionalText(500),
    postcode: z.string().trim().max(10).nullish(),
    description: optionalText(4000),
    whatToBring: optionalText(2000),
    needsMinibus: z.boolean().optional(),
    active: z.boolean().optional().describe("false closes the placement (no new sessions); true reopens it"),
  })
  .strict()
  .meta({ title: "PlacementChangeInput" });

export const updatePlacementInput = updatePlacementBody.extend({ placementId: z.string() });
export type UpdatePlacementInput = z.input<typeof updatePlacementInput>;
