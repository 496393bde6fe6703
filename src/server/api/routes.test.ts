import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { API_ROUTES } from "./routes";

const APP_DIR = path.resolve(__dirname, "../../../app");
const routeFileFor = (apiPath: string) => path.join(APP_DIR, apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

describe("the list of API routes (src/server/api/routes.ts)", () => {
  it("has a route file exporting the method for every spec", () => {
    for (const route of API_ROUTES) {
      const file = routeFileFor(route.path);
      expect(existsSync(file), `${route.method} ${route.path} needs ${path.relative(APP_DIR, file)}`).toBe(true);
      expect(readFileSync(file, "utf8"), `${file} exports ${route.method}`).toMatch(
        new RegExp(`export const ${route.method}\\b`),
      );
    }
  });

  it("has a spec for every method of every /api/v1 route file, so the OpenAPI document misses none", () => {
    const listed = new Set(API_ROUTES.map((route) => `${route.method} ${routeFileFor(route.path)}`));
    for (const file of routeFiles(path.join(APP_DIR, "api/v1"))) {
      for (const [, method] of readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
        expect(
          listed.has(`${method} ${file}`),
          `${method} ${path.relative(APP_DIR, file)} is missing from API_ROUTES`,
        ).toBe(true);
      }
    }
  });

  it("lists each method and path once", () => {
    const keys = API_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument() as {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
          responses: Record<string, unknown>;
          security: unknown[];
        }
      >
    >;
  };

  it("is OpenAPI 3.1 with the token route, its strict body and its 429", () => {
    expect(doc.openapi).toBe("3.1.0");
    const token = doc.paths["/api/v1/auth/token"]?.post;
    expect(token?.security).toEqual([]);
    expect(token?.requestBody?.content["application/json"]?.schema).toMatchObject({
      type: "object",
      required: ["email", "password"],
      additionalProperties: false,
    });
    expect(Object.keys(token?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "401", "429", "500"]));
  });

  it("marks authenticated routes as needing a bearer token or the session cookie", () => {
    expect(doc.paths["/api/v1/me"]?.get?.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
  });

  it("is plain JSON and the same every time it is built", () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(doc));
    expect(JSON.stringify(doc)).not.toContain("~standard");
  });
});
