import { z } from "zod";
import { allocateBody, type AllocationView } from "./allocate.types";

// Bulk allocation of a weekly series: one case on every future session of the series.
// Retrospective booking is for one past session at a time, so it is not offered here.

export const allocateSeriesInput = allocateBody.omit({ retrospective: true }).safeExtend({ seriesId: z.string() });
export type AllocateSeriesInput = z.input<typeof allocateSeriesInput>;

export type SeriesRefusal = {
  sessionId: string;
  date: string;
  code: string;
  message: string;
  /** Every blocking reason for this session (R10), not just the first. */
  reasons: string[];
};

export type SeriesAllocationView = {
  seriesId: string;
  caseId: string;
  booked: AllocationView[];
  refused: SeriesRefusal[];
};
