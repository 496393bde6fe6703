import { openApiRoute } from "@/server/api/contracts/openapi";
import { apiRoute } from "@/server/api/handler";
import { openApiDocument } from "@/server/api/openapi";

export const GET = apiRoute(openApiRoute, async () => ({ ok: true, value: openApiDocument() }));
