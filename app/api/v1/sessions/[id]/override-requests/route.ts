import { commandReply } from "@/server/api/command-result";
import { requestBookingOverrideRoute } from "@/server/api/contracts/allocate-many";
import { apiRoute } from "@/server/api/handler";
import { requestBookingOverride } from "@/server/services/allocations/request-booking-override";

export const dynamic = "force-dynamic";

export const POST = apiRoute(requestBookingOverrideRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => requestBookingOverride(user, { ...body, sessionId: params.id }, { tx }))),
);
