import { commandReply } from "@/server/api/command-result";
import { recordReviewRoute } from "@/server/api/contracts/reviews";
import { apiRoute } from "@/server/api/handler";
import { recordReview } from "@/server/services/reviews/record-review";

export const dynamic = "force-dynamic";

export const POST = apiRoute(recordReviewRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => recordReview(user, { ...body, caseId: params.id }, { tx }))),
);
