import { z } from "zod";
import { PLACEMENT_FEATURES, PLACEMENT_TYPES } from "@/domain";
import { optionalText } from "../schemas";

// POST /api/v1/placements (docs/api.md).

export const createPlacementInput = z
  .object({
    name: z.string().trim().min(1, "Enter the placement's name").max(200),
    type: z.enum(PLACEMENT_TYPES),
    region: z.string().trim().min(1).max(8).describe("Region code, e.g. LON"),
    pdu: z.string().trim().max(16).nullish().describe("PDU code within the region"),
    capacity: z.number().int("Enter a whole number of places").min(1, "A placement needs at least 1 place").max(100),
    features: z
      .array(z.enum(PLACEMENT_FEATURES))
      .max(PLACEMENT_FEATURES.length)
      .refine((f) => new Set(f).size === f.length, "List each feature once")
      .default([]),
    beneficiary: optionalText(200).describe("The organisation that benefits, e.g. a charity shop or the canal trust"),
    beneficiaryKind: optionalText(100).describe("e.g. Park, Charity shop, School"),
    address: optionalText(500),
    postcode: z.string().trim().max(10).nullish(),
    description: optionalText(4000),
    whatToBring: optionalText(2000),
    needsMinibus: z.boolean().optional(),
  })
  .strict()
  .meta({ title: "PlacementInput" });

export type CreatePlacementInput = z.input<typeof createPlacementInput>;

export const placementView = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(PLACEMENT_TYPES),
    region: z.string(),
    pdu: z.string().nullable(),
    capacity: z.number().int(),
    features: z.array(z.enum(PLACEMENT_FEATURES)),
    beneficiary: z.string().nullable(),
    address: z.string().nullable(),
    postcode: z.string().nullable(),
    needsMinibus: z.boolean(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ title: "Placement" });

export type PlacementView = z.input<typeof placementView>;
