import { commandReply } from "@/server/api/command-result";
import { saveAssessmentRoute } from "@/server/api/contracts/cases";
import { apiRoute } from "@/server/api/handler";
import { saveAssessment } from "@/server/services/cases/save-assessment";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(saveAssessmentRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => saveAssessment(user, { ...body, caseId: params.id }, { tx }))),
);
