// A generated authorisation matrix over every server action: every function exported from a
// "use server" file under app/ is called as every role (and signed out), and the answer is
// checked against the action's row of the access table (src/server/auth/permissions.ts). A role
// the table does not allow gets the plain refusal and nothing is written; an allowed role gets
// past the role check (with an empty form, to its own "enter …" messages). Server actions are
// public POST endpoints, so this is the check the pages' navigation cannot give.
//
// Adding a server action: add ONE line to ACTION_PERMISSIONS (file#export → the table's row).
// The first test fails while any exported action is missing from it.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { UserRole } from "@/generated/prisma/enums";
import { ACCESS_TABLE, roleCan, type Permission } from "@/server/auth/permissions";
import { db } from "@/server/db/client";
import { initialFormState, type FormState } from "@/ui/form/form-state";
import { testDb } from "../support/db";
import { makeRegion, makeUser, type TestUser } from "../support/factories";

let signedIn: { id: string } | null = null;
// The session cookie is read from next/headers (mocked below); here the caller's claims come from
// `signedIn`, and a real sign-in row per user is checked against the database as in production.
vi.mock("@/server/auth/sessions", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/auth/sessions")>();
  return {
    ...actual,
    decodeSessionCookie: vi.fn(async () => {
      if (!signedIn) return null;
      const existing = await testDb.signInSession.findFirst({
        where: { userId: signedIn.id, endedAt: null },
        select: { id: true },
      });
      const sid = existing?.id ?? (await actual.startSignInSession(testDb, signedIn.id)).sid;
      const { sessionVersion } = await testDb.user.findUniqueOrThrow({
        where: { id: signedIn.id },
        select: { sessionVersion: true },
      });
      return { uid: signedIn.id, sid, sv: sessionVersion };
    }),
  };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: vi.fn(async () => ({ set: vi.fn(), get: vi.fn(), delete: vi.fn() })) }));

const ACTION_PERMISSIONS: Record<string, Permission> = {
  "(casework)/cases/new/actions.ts#createCaseAction": "case.create",
  "(casework)/cases/import/actions.ts#importCasesAction": "case.create",
  "(casework)/cases/[id]/assessment/actions.ts#saveAssessmentAction": "case.assess",
  "(casework)/cases/[id]/terminate/actions.ts#terminateRequirementAction": "case.terminate",
  "(casework)/cases/[id]/ete-credit/actions.ts#creditEteAction": "ete.credit",
  "(casework)/cases/[id]/ete-credit/[creditId]/actions.ts#correctEteCreditAction": "ete.correct",
  "(casework)/cases/[id]/ete-credit/[creditId]/actions.ts#removeEteCreditAction": "ete.correct",
  "(casework)/cases/[id]/extension/actions.ts#recordExtensionAction": "extension.record",
  "(casework)/cases/[id]/review/actions.ts#recordReviewAction": "review.record",
  "(casework)/cases/[id]/enforcement/new/actions.ts#startEnforcementAction": "enforcement.start",
  "(casework)/cases/[id]/enforcement/[actionId]/outcome/actions.ts#recordBreachOutcomeAction": "enforcement.outcome",
  "(casework)/cases/[id]/enforcement/[actionId]/withdraw/actions.ts#withdrawEnforcementAction": "enforcement.withdraw",
  "(casework)/cases/[id]/enforcement/explanation/actions.ts#requestExplanationAction": "enforcement.explain",
  "(casework)/cases/[id]/address/actions.ts#recordAddressAction": "person.address",
  "(casework)/cases/[id]/transfer/actions.ts#requestTransferAction": "transfer.request",
  "(manager)/transfers/actions.ts#acceptTransferAction": "transfer.decide",
  "(manager)/transfers/actions.ts#declineTransferAction": "transfer.decide",
  "(casework)/cases/[id]/allocate/actions.ts#allocateFromCaseAction": "allocation.create",
  "(casework)/cases/[id]/allocate/actions.ts#allocateFromSessionAction": "allocation.create",
  "(casework)/cases/[id]/allocate/actions.ts#allocateSeriesAction": "allocation.create",
  "(casework)/cases/[id]/allocate/actions.ts#requestOverrideAction": "allocation.overrideRequest",
  "(coordinator)/sessions/[id]/add-people/actions.ts#bookPeopleAction": "allocation.create",
  "(coordinator)/sessions/new/actions.ts#createSessionAction": "session.create",
  "(coordinator)/sessions/new/actions.ts#createSessionSeriesAction": "session.create",
  "(coordinator)/placements/new/actions.ts#createPlacementAction": "placement.create",
  "(coordinator)/placements/[id]/edit/actions.ts#editPlacementAction": "placement.change",
  "(coordinator)/placements/[id]/edit/actions.ts#openClosePlacementAction": "placement.change",
  "(coordinator)/sessions/[id]/manage/actions.ts#changeSessionAction": "session.change",
  "(coordinator)/sessions/[id]/manage/actions.ts#standDownSessionAction": "session.change",
  "(coordinator)/sessions/[id]/manage/actions.ts#cancelSessionAction": "session.change",
  "(coordinator)/sessions/[id]/bookings/[allocationId]/actions.ts#cancelBookingAction": "allocation.change",
  "(coordinator)/sessions/[id]/bookings/[allocationId]/actions.ts#moveBookingAction": "allocation.change",
  "(coordinator)/sessions/[id]/attendance/[caseId]/actions.ts#correctAttendanceAction": "attendance.record",
  "(coordinator)/sessions/[id]/attendance/[caseId]/actions.ts#correctAttendanceFromCaseAction": "attendance.record",
  "(manager)/approvals/actions.ts#decideApprovalAction": "approval.decide",
  "(manager)/approvals/actions.ts#decideApprovalFromCaseAction": "approval.decide",
  "(manager)/auto-enforcement/actions.ts#setAutoEnforcementAction": "region.autoEnforcement",
  "(admin)/admin/api-tokens/actions.ts#createApiTokenAction": "admin.apiTokens",
  "(admin)/admin/api-tokens/actions.ts#revokeApiTokenAction": "admin.apiTokens",
  "account/actions.ts#signOutEverywhereAction": "self.read",
  "(admin)/admin/bank-holidays/actions.ts#addBankHolidayAction": "admin.reference",
  "(admin)/admin/bank-holidays/actions.ts#importBankHolidaysAction": "admin.reference",
  "(admin)/admin/bank-holidays/actions.ts#removeBankHolidayAction": "admin.reference",
  "(admin)/admin/regions/[id]/actions.ts#updateRegionSettingsAction": "admin.reference",
  "(admin)/admin/rule-dates/actions.ts#recordRuleDatesAction": "admin.reference",
  "(casework)/cases/[id]/earned-reduction/actions.ts#decideEarnedReductionAction": "case.earnedReduction",
  "(admin)/admin/users/actions.ts#createUserAction": "admin.reference",
  "(admin)/admin/users/actions.ts#changeUserAccessAction": "admin.reference",
  "(admin)/admin/users/actions.ts#setUserActiveAction": "admin.reference",
  "(admin)/admin/users/actions.ts#issuePasswordResetAction": "admin.reference",
  "(admin)/admin/risk-codes/actions.ts#addRiskCodeAction": "admin.reference",
  "(admin)/admin/risk-codes/actions.ts#updateRiskCodeAction": "admin.reference",
  "(admin)/admin/risk-codes/actions.ts#setRiskCodeActiveAction": "admin.reference",
  "(admin)/admin/regions/[id]/pdus/actions.ts#addPduAction": "admin.reference",
  "(admin)/admin/regions/[id]/pdus/actions.ts#renamePduAction": "admin.reference",
};

// Actions anyone may submit without signing in, because something else is the authority: a
// one-time password link (decision 0073). Each is called signed out and as every role with an
// empty form, and must refuse it and write nothing.
const PUBLIC_ACTIONS: readonly string[] = ["set-password/[token]/actions.ts#setPasswordAction"];

const APP_DIR = path.resolve(__dirname, "../../app");
type ServerAction = (previous: FormState, form: FormData) => Promise<FormState>;

/** Every file under app/ whose first statement is "use server", relative to app/. */
function serverActionFiles(dir = APP_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(full);
    if (!/\.tsx?$/.test(entry.name)) return [];
    const source = fs.readFileSync(full, "utf8").replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
    return /^["']use server["']/.test(source) ? [path.relative(APP_DIR, full)] : [];
  });
}

async function exportedActions(): Promise<{ key: string; action: ServerAction }[]> {
  const found = [];
  for (const file of serverActionFiles()) {
    const loaded = (await import(path.join(APP_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(loaded)) {
      if (typeof value === "function") found.push({ key: `${file}#${name}`, action: value as ServerAction });
    }
  }
  return found;
}

const ROLES: readonly UserRole[] = ["COORDINATOR", "SUPERVISOR", "MANAGER", "NATIONAL_LEAD", "ADMIN"];
const users = new Map<UserRole, TestUser>();

beforeAll(async () => {
  const region = await makeRegion();
  for (const role of ROLES)
    users.set(role, await makeUser(role, role === "NATIONAL_LEAD" || role === "ADMIN" ? null : region));
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

const auditCount = () => testDb.auditEvent.count({ where: { actorId: { in: [...users.values()].map((u) => u.id) } } });

describe("the server-action access matrix (every exported server action × every role)", () => {
  it("knows the access-table row of every exported server action, so none escapes the matrix", async () => {
    const keys = (await exportedActions()).map((a) => a.key).sort();
    expect(keys.filter((k) => !(k in ACTION_PERMISSIONS) && !PUBLIC_ACTIONS.includes(k))).toEqual([]);
    expect(PUBLIC_ACTIONS.filter((k) => !keys.includes(k))).toEqual([]);
    expect(Object.keys(ACTION_PERMISSIONS).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(Object.entries(ACTION_PERMISSIONS))("%s follows the access table for every role", async (key, permission) => {
    const [file, name] = key.split("#") as [string, string];
    const loaded = (await import(path.join(APP_DIR, file))) as Record<string, ServerAction>;
    const action = loaded[name];
    if (!action) throw new Error(`${file} exports no ${name}`);

    signedIn = null;
    await expect(action(initialFormState, new FormData()), `${key} signed out`).rejects.toThrow(/NEXT_REDIRECT/);

    for (const role of ROLES) {
      signedIn = { id: users.get(role)!.id };
      const before = await auditCount();
      const state = await action(initialFormState, new FormData());
      const refusal = `Your role does not allow you to ${ACCESS_TABLE[permission].means}.`;
      const label = `${key} as ${role} → ${JSON.stringify(state)}`;
      if (roleCan(role, permission)) {
        expect(state.message ?? "", label).not.toMatch(/does not allow/);
      } else {
        expect(state.status, label).toBe("error");
        expect(state.message, label).toBe(refusal);
        expect(await auditCount(), `${label}: a refused action wrote an audit event`).toBe(before);
      }
    }
    signedIn = null;
  });

  it.each(PUBLIC_ACTIONS)("%s (public) refuses an empty form from anyone and writes nothing", async (key) => {
    const [file, name] = key.split("#") as [string, string];
    const action = ((await import(path.join(APP_DIR, file))) as Record<string, ServerAction>)[name];
    if (!action) throw new Error(`${file} exports no ${name}`);
    for (const caller of [null, ...ROLES]) {
      signedIn = caller ? { id: users.get(caller)!.id } : null;
      const before = await testDb.auditEvent.count();
      const state = await action(initialFormState, new FormData());
      expect(state.status, `${key} as ${caller ?? "signed out"}`).toBe("error");
      expect(await testDb.auditEvent.count()).toBe(before);
    }
    signedIn = null;
  });
});
