import { commandReply } from "@/server/api/command-result";
import { recordAttendanceRoute } from "@/server/api/contracts/attendance";
import { apiRoute } from "@/server/api/handler";
import { recordAttendance } from "@/server/services/attendance/record-attendance";

export const dynamic = "force-dynamic";

export const PUT = apiRoute(recordAttendanceRoute, async ({ user, params, body, transaction }) =>
  commandReply(
    await transaction((tx) => recordAttendance(user, { ...body, sessionId: params.id, caseId: params.caseId }, { tx })),
  ),
);
