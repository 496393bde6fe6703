import "server-only";
import type { RuleWarning } from "@/domain";
import type { CommandResult } from "@/server/services/result";
import { ApiError } from "./api-error";
import type { HandlerResult } from "./handler";

/**
 * A service's result as a route handler's. INVALID_INPUT (input that passed its schema but the
 * service could not accept, e.g. a date in the future) is a 400 like any validation failure;
 * thrown, so the wrapper's transaction rolls back like any other refusal.
 */
export function commandReply<T>(result: CommandResult<T>): HandlerResult<T> {
  if (result.ok) return { ok: true, value: withWarnings(result.value, result.warnings) };
  if (result.code === "INVALID_INPUT") {
    throw new ApiError(400, "VALIDATION_FAILED", result.message, {
      fields: [{ field: result.field, location: "body", problem: result.message }],
    });
  }
  return result;
}

/**
 * Rule warnings join the reply as `warnings: [{ code, message }]`, unless the reply already
 * carries its own list (a booking's view lists its warnings with their details).
 */
function withWarnings<T>(value: T, warnings: readonly RuleWarning[] | undefined): T {
  if (!warnings?.length || typeof value !== "object" || value === null || Array.isArray(value) || "warnings" in value) return value;
  return { ...value, warnings: warnings.map(({ code, message }) => ({ code, message })) };
}
