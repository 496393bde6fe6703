import "server-only";
import { z } from "zod";
import { rolesFor } from "@/server/auth/permissions";
import type { ApiRouteSpec } from "./route-spec";
import { API_ROUTES } from "./routes";

// The OpenAPI 3.1 document (docs/api.md: "Generate the OpenAPI document from the zod schemas"),
// built with zod 4's own z.toJSONSchema — OpenAPI 3.1 schemas are JSON Schema 2020-12.

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message", "details"],
      properties: {
        code: {
          type: "string",
          description: "SCREAMING_SNAKE code, e.g. VALIDATION_FAILED, STALE_VERSION, SESSION_FULL",
        },
        message: { type: "string", description: "Plain English a coordinator understands" },
        details: {
          type: "object",
          description: "More about the problem; for VALIDATION_FAILED, `fields` lists each field's problem",
        },
      },
    },
  },
};

function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // OpenAPI 3.1's dialect is already JSON Schema 2020-12, so each schema's own `$schema` is noise.
  // Responses stay open (docs/api.md: "more fields may be added"), so no `additionalProperties: false` there.
  const override = ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
    if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
  };
  const json = JSON.parse(
    JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: "any", override })),
  ) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(schema: z.ZodType | undefined, location: "path" | "query"): JsonSchema[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
}

function errorResponses(route: ApiRouteSpec): Record<string, string> {
  const authenticated = route.auth !== "none";
  const writes = route.method !== "GET";
  const statuses: Record<number, string | false> = {
    400:
      !!(route.body || route.query || route.params || route.idempotent) &&
      "Malformed JSON, input that fails validation (VALIDATION_FAILED), or an id in the path that cannot be an id (INVALID_ID)",
    401: authenticated && "No credentials, or a bad, expired or revoked token (UNAUTHENTICATED)",
    403: !!route.permission && "The caller's role may not do this (FORBIDDEN)",
    404:
      (!!route.params || (authenticated && writes)) && "Unknown record, or one outside the caller's region (NOT_FOUND)",
    409:
      authenticated && writes && "Conflict: a duplicate, or a stale `version` (CONFLICT, STALE_VERSION, DUPLICATE_…)",
    413: !!route.body && "The body is larger than 100 kB (PAYLOAD_TOO_LARGE)",
    415: authenticated && writes && "Signed in by cookie but the body was not sent as application/json",
    422: authenticated && writes && "A business rule said no; `code` is the rule code (e.g. SESSION_FULL)",
    429:
      authenticated &&
      "Too many requests with this API token this minute (RATE_LIMITED); wait the seconds in Retry-After",
    500: "Unexpected error; the message quotes a reference (INTERNAL_ERROR)",
    503: "The database is down or not answering; nothing was saved, try again later (SERVICE_UNAVAILABLE, with Retry-After)",
    ...route.extraResponses,
  };
  return Object.fromEntries(
    Object.entries(statuses).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

function operation(route: ApiRouteSpec): Operation {
  const status = route.status ?? 200;
  const idempotencyHeader = {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description:
      "Any unique string (e.g. a UUID). A retry with the same key and body returns the first reply and changes nothing.",
    schema: { type: "string", minLength: 1, maxLength: 200 },
  };
  const jsonContent = (schema: JsonSchema) => ({ "application/json": { schema } });
  const responses: Record<string, unknown> = {
    [status]: {
      description: status === 201 ? "Created" : "OK",
      content: jsonContent(route.response ? toJsonSchema(route.response, "output") : {}),
    },
  };
  for (const [code, description] of Object.entries(errorResponses(route))) {
    responses[code] = { description, content: jsonContent({ $ref: "#/components/schemas/Error" }) };
  }
  const description = [
    route.description,
    route.permission && `Roles: ${rolesFor(route.permission).join(", ")} (access table: ${route.permission}).`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/^\/api\/v1/, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => c?.toUpperCase() ?? "")}`,
    tags: [route.tag],
    summary: route.summary,
    ...(description ? { description } : {}),
    security: route.auth === "none" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    parameters: [
      ...parameters(route.params, "path"),
      ...parameters(route.query, "query"),
      ...(route.idempotent ? [idempotencyHeader] : []),
    ],
    ...(route.body ? { requestBody: { required: true, content: jsonContent(toJsonSchema(route.body, "input")) } } : {}),
    responses,
  };
}

/** The document for a list of routes (the app's list by default). */
export function buildOpenApiDocument(routes: readonly ApiRouteSpec[] = API_ROUTES): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of routes) {
    const byMethod = (paths[route.path] ??= {});
    byMethod[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Community Payback API",
      version: "1.0.0",
      description: "Unpaid work case management. Dates are YYYY-MM-DD (Europe/London), times HH:MM, ids strings.",
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A token from POST /api/v1/auth/token or from an administrator",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session (named __Secure-next-auth.session-token over HTTPS)",
        },
      },
    },
  };
}

let cached: Record<string, unknown> | undefined;

/** Built once per server process: the routes cannot change while it runs. */
export function openApiDocument(): Record<string, unknown> {
  cached ??= buildOpenApiDocument();
  return cached;
}
