import { commandReply } from "@/server/api/command-result";
import { createCaseRoute, listCasesRoute } from "@/server/api/contracts/cases";
import { apiRoute } from "@/server/api/handler";
import { createCase } from "@/server/services/cases/create-case";
import { listCases } from "@/server/services/cases/list-cases";

export const dynamic = "force-dynamic";

export const POST = apiRoute(createCaseRoute, async ({ user, body, transaction }) =>
  commandReply(await transaction((tx) => createCase(user, body, { tx }))),
);

export const GET = apiRoute(listCasesRoute, async ({ user, query }) => commandReply(await listCases(user, query)));
