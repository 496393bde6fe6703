import { describe, expect, it } from "vitest";
import { ACCESS_TABLE, PERMISSIONS, roleCan } from "./permissions";

// The promises the access table makes, checked on the table itself; the access-matrix tests
// (tests/integration/api-access-matrix.test.ts, server-action-access-matrix.test.ts) prove that
// every API route and every server action enforces exactly this table.
describe("the access table", () => {
  it("gives administrators no personal data at all: reference data and tokens only", () => {
    const adminRows = PERMISSIONS.filter((permission) => roleCan("ADMIN", permission));
    expect(adminRows.filter((permission) => ACCESS_TABLE[permission].personalData)).toEqual([]);
    expect(adminRows.sort()).toEqual(["admin.apiTokens", "admin.reference", "self.read"]);
  });

  it("gives the national lead dashboards and their drill-down lists, and nothing else with personal data", () => {
    const rows = PERMISSIONS.filter((permission) => roleCan("NATIONAL_LEAD", permission));
    expect(rows.sort()).toEqual(["dashboard.cases", "dashboard.read", "self.read"]);
  });

  it("lets nobody else manage users, reference data or API tokens", () => {
    expect(ACCESS_TABLE["admin.reference"].roles).toEqual(["ADMIN"]);
    expect(ACCESS_TABLE["admin.apiTokens"].roles).toEqual(["ADMIN"]);
  });

  it('says what each row allows in words that finish "Your role does not allow you to …"', () => {
    for (const permission of PERMISSIONS) expect(ACCESS_TABLE[permission].means).toMatch(/^[a-z][^.()]*[a-z]$/);
  });
});
