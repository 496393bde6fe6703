import { commandReply } from "@/server/api/command-result";
import { createCaseRoute, listCasesRoute } from "@/server/api/contracts/cases";
import { apiRoute } from "@/server/api/handler";
import { createCase } from "@/server/services/cases/create-case";
import { listCasesAsJson } from "@/server/services/cases/list-cases";
import { recordView } from "@/server/view-audit";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createCaseRoute, async ({ user, body, transaction }) =>
  commandReply(await transaction((tx) => createCase(user, body, { tx }))),
);

export const GET = apiRoute(listCasesRoute, async ({ user, query, requestId }) => {
  const result = await listCasesAsJson(user, query);
  if (!result.ok) return commandReply(result);
  await recordView(user, { view: "api.cases", requirementIds: result.value.ids, filters: query, requestId });
  // Sent as the text it is (decision 0101). A list is a read: it carries no rule warnings for commandReply to add.
  return { ok: true, value: result.value.json };
});
