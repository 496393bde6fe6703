import type { Rating } from "@/generated/prisma/enums";

/** Work quality and behaviour ratings (domain R7) in words. */
export const RATING_LABEL: Record<Rating, string> = {
  EXCELLENT: "Excellent",
  GOOD: "Good",
  SATISFACTORY: "Satisfactory",
  UNSATISFACTORY: "Unsatisfactory",
  POOR: "Poor",
  NOT_APPLICABLE: "Not applicable",
};
