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
  const problems = result.problems ?? [{ field: result.field ?? "row", message: result.message }];
  if (result.code === "INVALID_INPUT") {
    throw new ApiError(400, "VALIDATION_FAILED", result.message, {
      fields: problems.map((p) => ({ field: p.field, location: "body", problem: p.message })),
    });
  }
  // Several problems with one record: details.problems lists every one (the code is the first's).
  return result.problems ? { ...result, details: { ...result.details, problems: result.problems } } : result;
}

/**
 * Rule warnings join the reply as `warnings: [{ code, message }]`, unless the reply already
 * carries its own list (a booking's view lists its warnings with their details).
 */
function withWarnings<T>(value: T, warnings: readonly RuleWarning[] | undefined): T {
  if (!warnings?.length || typeof value !== "object" || value === null || Array.isArray(value) || "warnings" in value)
    return value;
  return { ...value, warnings: warnings.map(({ code, message }) => ({ code, message })) };
}
