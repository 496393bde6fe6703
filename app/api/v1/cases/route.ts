import { commandReply } from "@/server/api/command-result";
import { createCaseRoute, listCasesRoute } from "@/server/api/contracts/cases";
import { apiRoute } from "@/server/api/handler";
import { createCase } from "@/server/services/cases/create-case";
import { listCasesForApi } from "@/server/services/cases/list-cases";
import { recordView } from "@/server/view-audit";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createCaseRoute, async ({ user, body, transaction }) =>
  commandReply(await transaction((tx) => createCase(user, body, { tx }))),
);

export const GET = apiRoute(listCasesRoute, async ({ user, query, requestId }) => {
  const result = await listCasesForApi(user, query);
  if (result.ok) {
    await recordView(user, {
      view: "api.cases",
      requirementIds: result.value.cases.map((c) => c.id),
      filters: query,
      requestId,
    });
  }
  return commandReply(result);
});
