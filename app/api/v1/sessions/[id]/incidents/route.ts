import { commandReply } from "@/server/api/command-result";
import { recordIncidentRoute } from "@/server/api/contracts/incidents";
import { apiRoute } from "@/server/api/handler";
import { recordIncident } from "@/server/services/incidents/record-incident";

export const dynamic = "force-dynamic";

export const POST = apiRoute(recordIncidentRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => recordIncident(user, { ...body, sessionId: params.id }, { tx }))),
);
