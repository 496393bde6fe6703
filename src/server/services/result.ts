import "server-only";
import type { Refusal, RuleCode, RuleWarning } from "@/domain";

// The one result type every service returns for expected refusals (house style): the same
// codes reach forms (field errors) and the JSON API (docs/api.md: 409 for STALE_VERSION and
// DUPLICATE_CRN, 422 for rule codes). Services throw only for bugs and for AccessError.

export type ServiceCode = RuleCode | "STALE_VERSION" | "DUPLICATE_CRN" | "CONFLICT";

export type ServiceSuccess<T> = { ok: true; value: T; warnings?: RuleWarning[] };
/** One problem with one field; a command that checks a whole record lists every one (issue 13). */
export type FieldProblem = { field: string; message: string };

export type ServiceFailure = {
  ok: false;
  code: ServiceCode;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
  /** Every problem found, the first being this failure itself; forms mark each field. */
  problems?: FieldProblem[];
};
export type ServiceResult<T> = ServiceSuccess<T> | ServiceFailure;

/** A success; warnings are included only when there are some. */
export function success<T>(value: T, warnings?: readonly RuleWarning[]): ServiceSuccess<T> {
  return warnings && warnings.length > 0 ? { ok: true, value, warnings: [...warnings] } : { ok: true, value };
}

/** A refusal, from a code and message or straight from a domain `Refusal`. */
export function failure(refusal: Refusal): ServiceFailure;
export function failure(
  code: ServiceCode,
  message: string,
  extra?: { field?: string; details?: Record<string, unknown> },
): ServiceFailure;
export function failure(
  codeOrRefusal: ServiceCode | Refusal,
  message?: string,
  extra: { field?: string; details?: Record<string, unknown> } = {},
): ServiceFailure {
  if (typeof codeOrRefusal === "object") {
    const { code, message: text, field, details } = codeOrRefusal;
    return { ok: false, code, message: text, ...(field ? { field } : {}), ...(details ? { details } : {}) };
  }
  return {
    ok: false,
    code: codeOrRefusal,
    message: message ?? codeOrRefusal,
    ...(extra.field ? { field: extra.field } : {}),
    ...(extra.details ? { details: extra.details } : {}),
  };
}

/** Optimistic locking said no (docs/api.md: 409 when `version` is stale). */
export function staleVersion(what: string): ServiceFailure {
  return failure(
    "STALE_VERSION",
    "This record was changed by someone else. Reload it to see their changes, then try again.",
    {
      field: "version",
      details: { record: what },
    },
  );
}

/**
 * Input that passed its zod schema but names something the database does not have (an
 * unknown region or risk code, a supervisor from another region). Kept apart from
 * ServiceCode because it is not a rule (422) or a conflict (409): the API answers 400
 * VALIDATION_FAILED with the field, a form marks the field.
 */
export type InputRefusal = {
  ok: false;
  code: "INVALID_INPUT";
  message: string;
  field: string;
  problems?: FieldProblem[];
};
export type CommandResult<T> = ServiceResult<T> | InputRefusal;

export function invalidInput(field: string, message: string): InputRefusal {
  return { ok: false, code: "INVALID_INPUT", message, field };
}

/** Unwraps a result for callers (and tests) that know it succeeded; throws with the refusal otherwise. */
export function expectOk<T>(result: CommandResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.code}: ${result.message}`);
  return result.value;
}

/**
 * The first of several refusals, carrying all of them (a record checked as a whole reports every
 * problem at once: the new-case form and the CSV import). Null when there are none.
 */
export function allProblems(
  refusals: readonly (ServiceFailure | InputRefusal)[],
): ServiceFailure | InputRefusal | null {
  const [first] = refusals;
  if (!first) return null;
  const problems = refusals.map((r) => ({ field: r.field ?? "row", message: r.message }));
  return refusals.length > 1 ? { ...first, problems } : first;
}
