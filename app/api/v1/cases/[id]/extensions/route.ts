import { commandReply } from "@/server/api/command-result";
import { recordExtensionRoute } from "@/server/api/contracts/extensions";
import { apiRoute } from "@/server/api/handler";
import { recordExtension } from "@/server/services/extensions/record-extension";

export const dynamic = "force-dynamic";

export const POST = apiRoute(recordExtensionRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => recordExtension(user, { ...body, caseId: params.id }, { tx }))),
);
