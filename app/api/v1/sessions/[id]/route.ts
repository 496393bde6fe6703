import { commandReply } from "@/server/api/command-result";
import { getSessionRoute } from "@/server/api/contracts/placements-sessions";
import { apiRoute } from "@/server/api/handler";
import { getSession } from "@/server/services/sessions/get-session";
import { recordView } from "@/server/view-audit";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getSessionRoute, async ({ user, params, requestId }) => {
  const result = await getSession(user, { sessionId: params.id });
  if (result.ok) {
    const requirementIds = result.value.allocations.map((booking) => booking.caseId);
    await recordView(user, { view: "api.session", recordId: result.value.id, requirementIds, requestId });
  }
  return commandReply(result);
});
