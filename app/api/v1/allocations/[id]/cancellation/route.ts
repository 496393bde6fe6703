import { commandReply } from "@/server/api/command-result";
import { cancelAllocationRoute } from "@/server/api/contracts/scheduling";
import { apiRoute } from "@/server/api/handler";
import { cancelAllocation } from "@/server/services/allocations/cancel-allocation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(cancelAllocationRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => cancelAllocation(user, { ...body, allocationId: params.id }, { tx }))),
);
