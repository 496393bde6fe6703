import "server-only";
import type { CommandResult } from "@/server/services/result";
import { ApiError } from "./api-error";
import type { HandlerResult } from "./handler";

/**
 * A service's result as a route handler's. INVALID_INPUT (input that passed its schema but the
 * service could not accept, e.g. a date in the future) is a 400 like any validation failure;
 * thrown, so the wrapper's transaction rolls back like any other refusal.
 */
export function commandReply<T>(result: CommandResult<T>): HandlerResult<T> {
  if (result.ok) return { ok: true, value: result.value };
  if (result.code === "INVALID_INPUT") {
    throw new ApiError(400, "VALIDATION_FAILED", result.message, {
      fields: [{ field: result.field, location: "body", problem: result.message }],
    });
  }
  return result;
}
