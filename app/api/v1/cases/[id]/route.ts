import { commandReply } from "@/server/api/command-result";
import { getCaseRoute } from "@/server/api/contracts/cases";
import { apiRoute } from "@/server/api/handler";
import { getCase } from "@/server/services/cases/get-case";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getCaseRoute, async ({ user, params, query }) =>
  commandReply(await getCase(user, { ...query, caseId: params.id })),
);
