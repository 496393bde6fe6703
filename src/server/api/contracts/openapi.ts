import { z } from "zod";
import { defineRoute } from "../route-spec";

export const openApiRoute = defineRoute({
  method: "GET",
  path: "/api/v1/openapi.json",
  tag: "Documentation",
  summary: "This API's OpenAPI 3.1 document, generated from the routes' zod schemas",
  auth: "none",
  response: z.record(z.string(), z.unknown()).meta({ title: "OpenApiDocument" }),
});
