import { commandReply } from "@/server/api/command-result";
import { moveAllocationRoute } from "@/server/api/contracts/scheduling";
import { apiRoute } from "@/server/api/handler";
import { moveAllocation } from "@/server/services/allocations/move-allocation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(moveAllocationRoute, async ({ user, params, body, transaction }) =>
  commandReply(await transaction((tx) => moveAllocation(user, { ...body, allocationId: params.id }, { tx }))),
);
