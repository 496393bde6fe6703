import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A guard in the spirit of the generated access matrices: every page or route that calls one
// of the queries listing people with their risk information must also call recordView beside
// it (queries stay free of writes, so the audit cannot hide inside them). A new page that
// shows these lists without auditing the view fails here.
const LIST_QUERIES = [
  /\b(listCasePage|listCasesForApi|listCasesAsJson)\(/, // /cases and GET /api/v1/cases
  /\bloadWorkQueue\(/, // /work-queue
  /\b(findOfficeSessionRoster|findSupervisorRoster)\(/, // /sessions/{id} and /my-sessions/{id}
  /\bgetSession\(/, // GET /api/v1/sessions/{id}
  /\bloadCaseDetail\(/, // /cases/{id}
  /\bfindAssessmentForForm\(/, // /cases/{id}/assessment
  /\bloadFigureCasesForUser\(/, // /dashboard/cases and its CSV
  /\bload(Backlog|Dormant)ForApi\(/, // GET /api/v1/dashboard/backlog and /dormant
];

const APP_DIR = path.resolve(__dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /^(page|route)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("views of people's risk information are audited", () => {
  const callers = sourceFiles(APP_DIR).filter((file) =>
    LIST_QUERIES.some((query) => query.test(fs.readFileSync(file, "utf8"))),
  );

  it("finds the pages and routes that list people", () => {
    expect(callers.map((file) => path.relative(APP_DIR, file)).sort()).toEqual(
      [
        "(casework)/cases/page.tsx",
        "(casework)/cases/[id]/page.tsx",
        "(casework)/cases/[id]/assessment/page.tsx",
        "(manager)/dashboard/cases/page.tsx",
        "(manager)/dashboard/cases/export/route.ts",
        "api/v1/dashboard/backlog/route.ts",
        "api/v1/dashboard/dormant/route.ts",
        "(coordinator)/sessions/[id]/page.tsx",
        "(coordinator)/sessions/[id]/manage/page.tsx",
        "(coordinator)/work-queue/page.tsx",
        "(supervisor)/my-sessions/[id]/page.tsx",
        "(supervisor)/my-sessions/[id]/incidents/new/page.tsx",
        "api/v1/cases/route.ts",
        "api/v1/sessions/[id]/route.ts",
      ].sort(),
    );
  });

  it.each(callers.map((file) => [path.relative(APP_DIR, file), file]))(
    "%s calls recordView beside its query",
    (_, file) => {
      expect(fs.readFileSync(file, "utf8")).toMatch(/\brecordView\(/);
    },
  );
});

describe("queries never write an audit row", () => {
  const QUERIES_DIR = path.resolve(__dirname, "queries");
  const queries = fs.readdirSync(QUERIES_DIR).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

  it.each(queries)("src/server/queries/%s neither audits nor records a view", (name) => {
    const source = fs.readFileSync(path.join(QUERIES_DIR, name), "utf8");
    expect(source).not.toMatch(/from "@\/server\/(audit|view-audit)"/);
    expect(source).not.toMatch(/\bauditEvent\./);
  });
});
