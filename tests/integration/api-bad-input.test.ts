// A generated bad-input suite over every /api/v1 route in API_ROUTES (issue 3 "Bad input"): for
// each route that takes a body, a query or path parameters, every field of its valid input is
// broken in each way that applies to its type — wrong type, missing or null when required, a
// 100 000-character string, impossible dates and times, negative, fractional and out-of-range
// numbers, malformed ids — plus malformed JSON, non-object bodies and unknown fields. Each must
// get 400 with the docs/api.md error shape and a plain-English message, and NOTHING may be written:
// the row count of every table is the same before and after. The single exception is R1: hours
// ordered outside 40–300 is a business rule, so those numbers get 422 HOURS_OUT_OF_RANGE (still
// writing nothing but the idempotency key's stored refusal), and a body over 100 kB is 413
// PAYLOAD_TOO_LARGE. A malformed id in the path is 400 INVALID_ID; a well-formed id that names
// no record stays 404. A last block sends each route's valid input, to prove the 400s come from
// the one broken field and not from a base input that was never valid.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";
import {
  makeApiScene,
  makeIncomingTransfer,
  makeRegion,
  makeRegionalStaff,
  makeUser,
  seedReferenceData,
  uniqueCrn,
  type TestRegion,
} from "../support/factories";
import { z } from "zod";
import { addDays, todayInLondon } from "@/domain";
import { API_ROUTES } from "@/server/api/routes";
import type { ApiRouteSpec } from "@/server/api/route-spec";
import type { RouteHandler } from "@/server/api/handler";
import { issueApiToken } from "@/server/auth/api-tokens";
import { roleCan } from "@/server/auth/permissions";
import { db } from "@/server/db/client";

const today = todayInLondon();
const APP_DIR = path.resolve(__dirname, "../../app");
const routeFileFor = (apiPath: string) => path.join(APP_DIR, apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
const key = (route: ApiRouteSpec) => `${route.method} ${route.path}`;

type Fixtures = {
  regionA: TestRegion;
  caseId: string;
  placementId: string;
  sessionId: string;
  supervisorId: string;
  actionId: string;
  approvalId: string;
  allocationId: string;
  spareSessionId: string;
  eteCreditId: string;
  attendanceId: string;
  /** A transfer from another region to region A, and a region to send a case to. */
  transferId: string;
  otherRegionCode: string;
};

/**
 * A route's valid input. `body` and `query` are sent as they are by the control test; `alsoValid`
 * gives a valid value for each optional field left out of them (some cannot be sent together,
 * e.g. times and minutesCredited), so that every field of the schema has a value to break.
 */
type RouteInput = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  alsoValid?: Record<string, unknown>;
};

const DUMMY_ID = "00000000-0000-4000-8000-000000000000";
const DUMMY_FIXTURES: Fixtures = {
  regionA: { id: DUMMY_ID, code: "TDUMMY", pduId: DUMMY_ID, pduCode: "TDUMMY-P1" },
  caseId: DUMMY_ID,
  placementId: DUMMY_ID,
  sessionId: DUMMY_ID,
  supervisorId: DUMMY_ID,
  actionId: DUMMY_ID,
  approvalId: DUMMY_ID,
  allocationId: DUMMY_ID,
  spareSessionId: DUMMY_ID,
  attendanceId: DUMMY_ID,
  transferId: DUMMY_ID,
  otherRegionCode: "TDUMMY",
  eteCreditId: DUMMY_ID,
};

/** Routes that take no body, query or path parameter: nothing to break. The guard checks they really take none. */
const NO_INPUT: ReadonlySet<string> = new Set(["GET /api/v1/me", "GET /api/v1/openapi.json", "GET /api/v1/transfers"]);

const INPUTS: Record<string, (f: Fixtures) => RouteInput> = {
  "POST /api/v1/auth/token": () => ({ body: { email: "nobody@example.test", password: "not-the-password" } }),
  "POST /api/v1/cases": (f) => ({
    body: {
      crn: uniqueCrn(),
      firstName: "Bad",
      lastName: "Input",
      dateOfBirth: "1990-02-03",
      gender: "FEMALE",
      ethnicity: "White British",
      phone: "07700 900123",
      region: f.regionA.code,
      pdu: f.regionA.pduCode,
      orderType: "SUSPENDED_SENTENCE_ORDER",
      managedBy: "STANDALONE_UPW",
      sentenceDate: addDays(today, -3),
      court: "Leeds Crown Court",
      practitionerName: "Sam Practitioner",
      hoursOrdered: 100,
      operationalPeriodEndsOn: addDays(today, 400),
      supervisionPeriodEndsOn: addDays(today, 300),
    },
    alsoValid: { orderRelation: "CONCURRENT", relatedCaseId: f.caseId },
  }),
  "GET /api/v1/cases": (f) => ({ query: { region: f.regionA.code, status: "ACTIVE", q: "Input", asOf: today } }),
  "GET /api/v1/cases/{id}": (f) => ({ params: { id: f.caseId }, query: { asOf: today } }),
  "PUT /api/v1/cases/{id}/assessment": (f) => ({
    params: { id: f.caseId },
    body: {
      version: 1,
      rosh: "LOW",
      riskCodes: ["RC"],
      eteEligible: true,
      eteReason: "NOT_IN_WORK",
      availability: { MON: ["AM", "PM"] },
      notes: "Assessed in person",
      mappaCategory: 1,
      mappaLevel: 1,
      healthNotes: "None",
      adjustments: "None",
      skills: "Painting",
      caringDuties: "None",
      employment: "Unemployed",
      religiousObservance: "None",
      womenOnlyPreference: false,
      nonAssociations: [],
      complete: true,
    },
  }),
  "POST /api/v1/placements": (f) => ({
    body: {
      name: "Bad input placement",
      type: "GROUP",
      region: f.regionA.code,
      pdu: f.regionA.pduCode,
      capacity: 6,
      features: ["TOOLS"],
      beneficiary: "Canal trust",
      beneficiaryKind: "Canal",
      address: "1 Towpath, Leeds",
      postcode: "LS1 1AA",
      description: "Clearing the towpath",
      whatToBring: "Boots",
      needsMinibus: false,
    },
  }),
  "POST /api/v1/sessions": (f) => ({
    body: {
      placementId: f.placementId,
      date: addDays(today, 7),
      startTime: "09:00",
      endTime: "16:00",
      supervisorId: f.supervisorId,
      capacity: 6,
      pickUpPoint: "Leeds station",
      pickUpTime: "08:30",
      bankHolidayConfirmed: false,
    },
  }),
  "GET /api/v1/sessions/{id}": (f) => ({ params: { id: f.sessionId } }),
  "POST /api/v1/sessions/{id}/allocations": (f) => ({
    params: { id: f.sessionId },
    body: { caseId: f.caseId },
    alsoValid: {
      lateStartReason: { category: "HEALTH", note: "In hospital" },
      lateStartNote: "In hospital",
      overrideReason: "Accepted by the manager",
      consentRecorded: true,
      retrospective: false,
    },
  }),
  "POST /api/v1/sessions/{id}/allocations/batch": (f) => ({
    params: { id: f.sessionId },
    body: { bookings: [{ caseId: f.caseId }] },
    alsoValid: { retrospective: false },
  }),
  "POST /api/v1/sessions/{id}/override-requests": (f) => ({
    params: { id: f.sessionId },
    body: { caseId: f.caseId, reason: "The session is full but the supervisor agreed to one more" },
  }),
  "PUT /api/v1/sessions/{id}/attendance/{caseId}": (f) => ({
    params: { id: f.sessionId, caseId: f.caseId },
    body: {
      outcome: "ATTENDED_COMPLIED",
      arrivedAt: "09:00",
      leftAt: "16:00",
      penaltyMinutes: 0,
      workQuality: "GOOD",
      behaviour: "GOOD",
    },
    alsoValid: {
      minutesCredited: 60,
      reasonCategory: "MEDICAL",
      note: "GP appointment",
      noteSensitive: false,
      version: 1,
    },
  }),
  "POST /api/v1/cases/{id}/ete-credits": (f) => ({
    params: { id: f.caseId },
    body: {
      date: addDays(today, -1),
      minutes: 60,
      activity: "Forklift course",
      provider: "Leeds College",
      evidence: "Certificate seen",
    },
  }),
  "PATCH /api/v1/cases/{id}/ete-credits/{creditId}": (f) => ({
    params: { id: f.caseId, creditId: f.eteCreditId },
    body: {
      version: 1,
      date: addDays(today, -2),
      minutes: 90,
      activity: "Forklift course",
      reason: "Wrong minutes typed",
    },
    alsoValid: { provider: "Leeds College", evidence: "Certificate seen" },
  }),
  "POST /api/v1/cases/{id}/ete-credits/{creditId}/removal": (f) => ({
    params: { id: f.caseId, creditId: f.eteCreditId },
    body: { version: 1, reason: "Credited to the wrong person" },
  }),
  "POST /api/v1/cases/{id}/extensions": (f) => ({
    params: { id: f.caseId },
    body: { grantedOn: today, newEndDate: addDays(today, 400), court: "Leeds Crown Court", reason: "Illness" },
  }),
  "POST /api/v1/cases/{id}/reviews": (f) => ({
    params: { id: f.caseId },
    body: { type: "OTHER", date: today, outcome: "EXTENSION_TO_BE_SOUGHT" },
    alsoValid: { note: "Slow progress; extension to be sought", extensionAppliedOn: today },
  }),
  "GET /api/v1/cases/{id}/enforcement": (f) => ({ params: { id: f.caseId } }),
  "POST /api/v1/cases/{id}/enforcement": (f) => ({
    params: { id: f.caseId },
    body: {
      type: "WARNING",
      date: today,
      note: "Missed a session",
      failureDate: today,
      failureDescription: "Did not attend",
      deliveredBy: "IN_PERSON",
    },
    alsoValid: { attendanceId: f.attendanceId },
  }),
  "POST /api/v1/enforcement/{actionId}/outcome": (f) => ({
    params: { actionId: f.actionId },
    body: { outcome: "HOURS_ADDED", date: today, newHoursOrdered: 120 },
    alsoValid: { version: 1, newCaseId: f.caseId },
  }),
  "POST /api/v1/enforcement/{actionId}/withdrawal": (f) => ({
    params: { actionId: f.actionId },
    body: { reason: "Given in error" },
    alsoValid: { version: 1 },
  }),
  "GET /api/v1/approvals": () => ({ query: { status: "PENDING" } }),
  "POST /api/v1/cases/{id}/transfers": (f) => ({
    params: { id: f.caseId },
    body: { toRegion: f.otherRegionCode, reason: "Moved to another area" },
  }),
  "POST /api/v1/transfers/{id}/acceptance": (f) => ({
    params: { id: f.transferId },
    body: {},
    alsoValid: { note: "Welcome" },
  }),
  "POST /api/v1/transfers/{id}/decline": (f) => ({ params: { id: f.transferId }, body: { reason: "Not our area" } }),
  "POST /api/v1/approvals/{id}": (f) => ({
    params: { id: f.approvalId },
    body: { decision: "REJECT", note: "Not accepted" },
    alsoValid: { version: 1 },
  }),
  "GET /api/v1/dashboard/summary": (f) => ({
    query: { region: f.regionA.code, asOf: today, pdu: f.regionA.pduId, teamType: "STANDALONE_UPW" },
  }),
  "GET /api/v1/dashboard/backlog": (f) => ({
    query: { region: f.regionA.code, asOf: today, pdu: f.regionA.pduId, teamType: "STANDALONE_UPW" },
  }),
  "GET /api/v1/dashboard/dormant": (f) => ({
    query: { region: f.regionA.code, asOf: today, pdu: f.regionA.pduId, teamType: "STANDALONE_UPW" },
  }),
  "POST /api/v1/cases/{id}/termination": (f) => ({
    params: { id: f.caseId },
    body: { reason: "OTHER", date: today, note: "Moved abroad" },
  }),
  "POST /api/v1/sessions/{id}/incidents": (f) => ({
    params: { id: f.sessionId },
    body: {
      type: "INJURY",
      caseId: f.caseId,
      occurredAt: "10:15",
      description: "Cut hand on a bramble; first aid given",
    },
  }),
  "POST /api/v1/sessions/{id}/close": (f) => ({ params: { id: f.sessionId }, body: {}, alsoValid: { version: 1 } }),
  "POST /api/v1/sessions/{id}/reopen": (f) => ({
    params: { id: f.sessionId },
    body: {},
    alsoValid: { version: 1, reason: "Closed too early" },
  }),
  "PATCH /api/v1/sessions/{id}": (f) => ({
    params: { id: f.sessionId },
    body: { version: 1 },
    alsoValid: {
      startTime: "09:00",
      endTime: "16:00",
      supervisorId: f.supervisorId,
      capacity: 6,
      consentRecorded: false,
    },
  }),
  "POST /api/v1/sessions/{id}/stand-down": (f) => ({
    params: { id: f.sessionId },
    body: { reason: "WEATHER" },
    alsoValid: { note: "Storm", version: 1 },
  }),
  "POST /api/v1/sessions/{id}/cancellation": (f) => ({
    params: { id: f.sessionId },
    body: { reason: "Site closed" },
    alsoValid: { version: 1 },
  }),
  "POST /api/v1/allocations/{id}/cancellation": (f) => ({
    params: { id: f.allocationId },
    body: { reason: "New job" },
    alsoValid: { version: 1 },
  }),
  "PATCH /api/v1/placements/{id}": (f) => ({
    params: { id: f.placementId },
    body: { version: 1 },
    alsoValid: {
      name: "Renamed",
      capacity: 6,
      features: ["TOOLS"],
      address: "2 Towpath",
      postcode: "LS1 1AB",
      description: "Clearing",
      whatToBring: "Boots",
      needsMinibus: false,
      active: true,
    },
  }),
  "POST /api/v1/allocations/{id}/move": (f) => ({
    params: { id: f.allocationId },
    body: { toSessionId: f.spareSessionId, reason: "Asked for another day" },
    alsoValid: {
      version: 1,
      consentRecorded: false,
      retrospective: false,
      overrideReason: "Accepted by the manager",
      lateStartReason: { category: "HEALTH", note: "In hospital" },
      lateStartNote: "In hospital",
    },
  }),
  "POST /api/v1/cases/{id}/earned-reduction/decision": (f) => ({
    params: { id: f.caseId },
    body: { decision: "REFUSE" },
    alsoValid: { note: "Attended every session" },
  }),
  "GET /api/v1/admin/rule-commencements": () => ({}),
  "PUT /api/v1/admin/rule-commencements": () => ({
    body: { twelveMonthPeriodAbolishedFrom: null, earnedReductionFrom: null },
  }),
};

/** Query values that are not one of the allowed words, per route and parameter. */
const NOT_ONE_OF: Record<string, Record<string, string>> = {
  "GET /api/v1/cases": { status: "SOMETIMES" },
  "GET /api/v1/approvals": { status: "MAYBE" },
  "GET /api/v1/dashboard/summary": { teamType: "PROBATION" },
  "GET /api/v1/dashboard/backlog": { teamType: "PROBATION" },
  "GET /api/v1/dashboard/dormant": { teamType: "PROBATION" },
};

/** R1 is a business rule, not bad input: whole numbers of hours outside 40–300 are a 422 (docs/api.md). */
const RULE_NOT_SHAPE: Record<string, readonly string[]> = {
  "POST /api/v1/cases": ["hoursOrdered"],
  "POST /api/v1/enforcement/{actionId}/outcome": ["newHoursOrdered"],
};

// ---------------------------------------------------------------------------------------------
// The bad-input cases, generated from each route's valid input and its zod schemas.

type Sent = {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  rawBody?: string | Uint8Array<ArrayBuffer>;
};
type Expected = { status: 400; code?: string; field?: string } | { status: 413 | 422; code: string };
type BadCase = {
  route: ApiRouteSpec;
  name: string;
  kind: string;
  send: (input: RouteInput) => Sent;
  expected: Expected;
};

const HUGE = "x".repeat(100_000);
const IMPOSSIBLE_DATES = [
  "2026-02-30",
  "2025-13-01",
  "2025-02-29",
  "2026-00-10",
  "tomorrow",
  "23/11/2026",
  "2026-11-23T09:00:00Z",
  "",
];
const IMPOSSIBLE_TIMES = ["25:00", "12:60", "9am", "9:00", ""];
const BAD_IDS = ["not-a-uuid", "12345", "00000000-0000-4000-8000-00000000000g", "x".repeat(1_000), "' OR '1'='1"];
const NUMBERS: readonly { name: string; value: number }[] = [
  { name: "a negative number", value: -1 },
  { name: "a fraction", value: 1.5 },
  { name: "a number too large to store (2^31)", value: 2_147_483_648 },
];

const isDate = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isTime = (v: unknown) => typeof v === "string" && /^\d{2}:\d{2}$/.test(v);
const isUuid = (v: unknown) =>
  typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

const objectShape = (schema: z.ZodType | undefined): Record<string, z.ZodType> => {
  const shape = (schema as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
  if (!shape) throw new Error("Expected a z.object schema");
  return shape;
};
const isRequired = (schema: z.ZodType | undefined, field: string) => {
  const fieldSchema = objectShape(schema)[field];
  return !!fieldSchema && !fieldSchema.safeParse(undefined).success;
};

const baseSent = (input: RouteInput): Sent => ({
  params: input.params ?? {},
  query: input.query ?? {},
  rawBody: input.body === undefined ? undefined : JSON.stringify(input.body),
});
const withBody =
  (body: unknown) =>
  (input: RouteInput): Sent => ({ ...baseSent(input), rawBody: JSON.stringify(body) });
const withField =
  (field: string, value: unknown) =>
  (input: RouteInput): Sent => ({ ...baseSent(input), rawBody: JSON.stringify({ ...input.body, [field]: value }) });
const withoutField =
  (field: string) =>
  (input: RouteInput): Sent => {
    const body = { ...input.body };
    delete body[field];
    return { ...baseSent(input), rawBody: JSON.stringify(body) };
  };

/** Every way to break one body field, chosen by the type of its valid value. */
function fieldBreakages(
  route: ApiRouteSpec,
  field: string,
  sample: unknown,
): { name: string; kind: string; value: unknown; expected?: Expected }[] {
  const out: { name: string; kind: string; value: unknown; expected?: Expected }[] = [];
  const rule = RULE_NOT_SHAPE[key(route)]?.includes(field) ?? false;
  if (typeof sample === "string") {
    out.push({ name: "a number instead of text", kind: "wrong type", value: 12345 });
    out.push({ name: "a list instead of text", kind: "wrong type", value: ["x"] });
    out.push({ name: "a 100 000-character string", kind: "huge string", value: HUGE });
    out.push({ name: "text with a NUL character", kind: "control character", value: `${sample}\u0000` });
    out.push({ name: "text with a lone surrogate", kind: "lone surrogate", value: `${sample}\ud800` });
    if (isDate(sample))
      for (const date of IMPOSSIBLE_DATES)
        out.push({ name: `the date ${JSON.stringify(date)}`, kind: "impossible date", value: date });
    if (isTime(sample))
      for (const time of IMPOSSIBLE_TIMES)
        out.push({ name: `the time ${JSON.stringify(time)}`, kind: "impossible time", value: time });
    if (isUuid(sample))
      for (const id of BAD_IDS.slice(0, 3))
        out.push({ name: `the id ${JSON.stringify(id)}`, kind: "malformed id", value: id });
  } else if (typeof sample === "number") {
    out.push({ name: "text instead of a number", kind: "wrong type", value: "12" });
    out.push({ name: "true instead of a number", kind: "wrong type", value: true });
    for (const n of NUMBERS) {
      const expected: Expected | undefined =
        rule && n.value !== 1.5 ? { status: 422, code: "HOURS_OUT_OF_RANGE" } : undefined;
      out.push({
        name: n.name,
        kind: expected ? "hours outside 40–300 (R1, a 422)" : "bad number",
        value: n.value,
        ...(expected ? { expected } : {}),
      });
    }
  } else if (typeof sample === "boolean") {
    out.push({ name: 'the text "yes" instead of true/false', kind: "wrong type", value: "yes" });
    out.push({ name: "1 instead of true/false", kind: "wrong type", value: 1 });
  } else if (Array.isArray(sample)) {
    out.push({ name: "text instead of a list", kind: "wrong type", value: "x" });
    out.push({ name: "a list of numbers", kind: "wrong type", value: [12345] });
    const huge = Array.from({ length: 10_000 }, () => sample[0] ?? "x");
    // A list of objects that long is itself a body over 100 kB: refused before it is read.
    const tooLarge = JSON.stringify(huge).length > 100 * 1024;
    out.push({
      name: "a list of 10 000 items",
      kind: "huge list",
      value: huge,
      ...(tooLarge ? { expected: { status: 413 as const, code: "PAYLOAD_TOO_LARGE" } } : {}),
    });
  } else if (typeof sample === "object" && sample !== null) {
    out.push({ name: "a number instead of an object", kind: "wrong type", value: 12345 });
    out.push({ name: "a list instead of an object", kind: "wrong type", value: [] });
  }
  // A required field that may be null (e.g. a commencement date not yet set) takes null as a value.
  const acceptsNull = objectShape(route.body)[field]?.safeParse(null).success ?? false;
  if (isRequired(route.body, field) && !acceptsNull)
    out.push({ name: "null for a required field", kind: "missing required field", value: null });
  return out;
}

function badCasesFor(route: ApiRouteSpec): BadCase[] {
  const make = INPUTS[key(route)];
  if (!make) return [];
  const sample = make(DUMMY_FIXTURES);
  const cases: BadCase[] = [];
  const add = (
    name: string,
    kind: string,
    send: BadCase["send"],
    expected: Expected = { status: 400, code: "VALIDATION_FAILED" },
  ) => cases.push({ route, name, kind, send, expected });

  if (route.body) {
    const malformed: readonly [string, string | Uint8Array<ArrayBuffer>][] = [
      ["an unclosed brace", "{"],
      ["single quotes", "{'email': 'x'}"],
      ["a trailing comma", '{"a": 1,}'],
      ["an empty body", ""],
      ["bytes that are not UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ];
    for (const [name, raw] of malformed) {
      add(`malformed JSON: ${name}`, "malformed JSON", (input) => ({ ...baseSent(input), rawBody: raw }), {
        status: 400,
        code: "MALFORMED_JSON",
      });
    }
    for (const [name, value] of [
      ["a list", []],
      ["a string", "text"],
      ["a number", 42],
      ["null", null],
      ["true", true],
    ] as const) {
      add(`a body that is ${name}, not an object`, "non-object body", withBody(value));
    }
    const firstText = Object.entries(sample.body ?? {}).find(([, value]) => typeof value === "string")?.[0];
    if (firstText) {
      add(
        `${firstText}: a 200 000-character string (a body over 100 kB)`,
        "body over 100 kB",
        withField(firstText, "x".repeat(200_000)),
        { status: 413, code: "PAYLOAD_TOO_LARGE" },
      );
    }
    add("an unknown field", "unknown field", (input) => withBody({ ...input.body, favouriteColour: "green" })(input), {
      status: 400,
      code: "VALIDATION_FAILED",
      field: "favouriteColour",
    });
    const samples = { ...sample.body, ...sample.alsoValid };
    for (const [field, value] of Object.entries(samples)) {
      for (const b of fieldBreakages(route, field, value)) {
        add(
          `${field}: ${b.name}`,
          b.kind,
          withField(field, b.value),
          b.expected ?? { status: 400, code: "VALIDATION_FAILED", field },
        );
      }
      if (isRequired(route.body, field))
        add(`${field}: left out`, "missing required field", withoutField(field), {
          status: 400,
          code: "VALIDATION_FAILED",
          field,
        });
    }
  }

  if (route.query) {
    const withQuery =
      (query: Record<string, string | string[]>) =>
      (input: RouteInput): Sent => ({ ...baseSent(input), query: { ...input.query, ...query } });
    add("an unknown query parameter", "unknown field", withQuery({ colour: "green" }), {
      status: 400,
      code: "VALIDATION_FAILED",
      field: "colour",
    });
    for (const [name, value] of Object.entries(sample.query ?? {})) {
      add(`?${name}: given twice`, "wrong type", withQuery({ [name]: [value, value] }), {
        status: 400,
        code: "VALIDATION_FAILED",
        field: name,
      });
      add(`?${name}: a 100 000-character value`, "huge string", withQuery({ [name]: HUGE }), {
        status: 400,
        code: "VALIDATION_FAILED",
        field: name,
      });
      add(`?${name}: a NUL character`, "control character", withQuery({ [name]: `${String(value)}\u0000` }), {
        status: 400,
        code: "VALIDATION_FAILED",
        field: name,
      });
      // (A lone surrogate cannot reach a query string: percent-encoding turns it into U+FFFD.)
      if (isDate(value)) {
        for (const date of IMPOSSIBLE_DATES)
          add(`?${name}: the date ${JSON.stringify(date)}`, "impossible date", withQuery({ [name]: date }), {
            status: 400,
            code: "VALIDATION_FAILED",
            field: name,
          });
      }
      const notOneOf = NOT_ONE_OF[key(route)]?.[name];
      if (notOneOf)
        add(
          `?${name}: ${JSON.stringify(notOneOf)} (not one of the allowed values)`,
          "wrong type",
          withQuery({ [name]: notOneOf }),
          { status: 400, code: "VALIDATION_FAILED", field: name },
        );
    }
  }

  for (const name of Object.keys(sample.params ?? {})) {
    for (const id of BAD_IDS) {
      add(
        `{${name}}: the id ${JSON.stringify(id.length > 40 ? `${id.slice(0, 12)}… (${id.length} characters)` : id)}`,
        "malformed id in path",
        (input) => ({
          ...baseSent(input),
          params: { ...input.params, [name]: id },
        }),
        { status: 400, code: "INVALID_ID", field: name },
      );
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Fixtures, callers and the "nothing written" check.

let fixtures: Fixtures;
let managerToken: string;
/** Administrator-only routes (reference data) are exercised with an administrator's token. */
let adminToken: string;

beforeAll(async () => {
  await seedReferenceData();
  const regionA = await makeRegion();
  const staff = await makeRegionalStaff(regionA);
  managerToken = (await issueApiToken(testDb, { userId: staff.manager.id, name: "bad input", expiresAt: null })).token;
  const admin = await makeUser("ADMIN", null);
  adminToken = (await issueApiToken(testDb, { userId: admin.id, name: "bad input (admin)", expiresAt: null })).token;
  fixtures = {
    ...(await makeApiScene(regionA, staff, today, "Bad input")),
    regionA,
    supervisorId: staff.supervisor.id,
    ...(await makeIncomingTransfer(regionA, staff.coordinator.id)),
  };
});

afterAll(async () => {
  await Promise.all([testDb.$disconnect(), db.$disconnect()]);
});

/** Every table the API could write to (all of them); a bad request must leave each row count as it was. */
const TABLES = [
  "Region",
  "Pdu",
  "User",
  "LoginAttempt",
  "ApiToken",
  "IdempotencyKey",
  "AuditEvent",
  "AppSetting",
  "PolicySetting",
  "BankHoliday",
  "Person",
  "Order",
  "Requirement",
  "RequirementAccess",
  "Assessment",
  "RiskCode",
  "AssessmentRiskCode",
  "Beneficiary",
  "Placement",
  "SessionSeries",
  "Session",
  "Allocation",
  "Attendance",
  "Incident",
  "EteCredit",
  "EnforcementAction",
  "EnforcementOutcome",
  "Extension",
  "Review",
  "Approval",
  "CaseNote",
  "EarnedReductionDecision",
  "RequirementTransfer",
] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const select = TABLES.map((table) => `(SELECT count(*)::int FROM "${table}") AS "${table}"`).join(", ");
  const [row] = await testDb.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${select}`);
  if (!row) throw new Error("No counts");
  return row;
}

/** Rows that changed in place (versions bump on every update) — a bad request must not update either. */
async function versionsSum(): Promise<number> {
  const [row] = await testDb.$queryRawUnsafe<{ total: number }[]>(
    `SELECT ((SELECT coalesce(sum(version), 0) FROM "Requirement") + (SELECT coalesce(sum(version), 0) FROM "Assessment") + (SELECT coalesce(sum(version), 0) FROM "Approval") + (SELECT coalesce(sum(version), 0) FROM "EnforcementAction") + (SELECT coalesce(sum(version), 0) FROM "Attendance"))::int AS total`,
  );
  return row?.total ?? 0;
}

function buildRequest(
  route: ApiRouteSpec,
  sent: Sent,
  idempotencyKey: string | null,
): [Request, { params: Promise<Record<string, string>> }] {
  const pathname = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(sent.params[name] ?? "missing"),
  );
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(sent.query))
    for (const v of Array.isArray(value) ? value : [value]) search.append(name, v);
  const headers: Record<string, string> = {};
  const adminOnly =
    route.permission !== undefined && !roleCan("MANAGER", route.permission) && roleCan("ADMIN", route.permission);
  if (route.auth !== "none") headers.authorization = `Bearer ${adminOnly ? adminToken : managerToken}`;
  if (route.idempotent && idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  if (sent.rawBody !== undefined) headers["content-type"] = "application/json";
  const query = search.toString();
  const request = new Request(`http://localhost${pathname}${query ? `?${query}` : ""}`, {
    method: route.method,
    headers,
    ...(sent.rawBody === undefined ? {} : { body: sent.rawBody }),
  });
  return [request, { params: Promise.resolve(sent.params) }];
}

async function handlerFor(route: ApiRouteSpec): Promise<RouteHandler> {
  const routeModule = (await import(routeFileFor(route.path))) as Record<string, RouteHandler>;
  const handler = routeModule[route.method];
  if (!handler) throw new Error(`${routeFileFor(route.path)} exports no ${route.method}`);
  return handler;
}

/** Words that mean a message came from a parser, not from a person: a plain-English message has none. */
const JARGON =
  /invalid input|expected|received|zod|undefined|NaN|\[object|unrecognized|invalid_|too_big|too_small|regex|uuid|ZodError|at path|\bstring\b|\bboolean\b|\bint\b/i;

type ErrorBody = {
  error: { code: string; message: string; details: { fields?: { field: string; problem: string }[] } };
};

function expectPlainError(body: unknown, label: string): ErrorBody["error"] {
  expect(body, label).toMatchObject({
    error: {
      code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/),
      message: expect.any(String),
      details: expect.any(Object),
    },
  });
  const { error } = body as ErrorBody;
  expect(error.message.length, label).toBeGreaterThan(10);
  expect(error.message.length, `${label}: the message should be short, not echo the input`).toBeLessThan(400);
  expect(error.message, label).not.toMatch(JARGON);
  for (const f of error.details.fields ?? []) {
    expect(f.problem, `${label}: problem of ${f.field}`).not.toMatch(JARGON);
    expect(f.problem.length, `${label}: problem of ${f.field}`).toBeLessThan(300);
  }
  return error;
}

// ---------------------------------------------------------------------------------------------

const ALL_CASES = API_ROUTES.flatMap(badCasesFor);
const measured = new Map<string, number>();

describe("bad input to every /api/v1 route", () => {
  it("has inputs for every route that takes a body, a query or path parameters (a new route must be added here)", () => {
    const takesInput = (route: ApiRouteSpec) => !!(route.body || route.query || route.params);
    const missing = API_ROUTES.filter((route) => takesInput(route) && !(key(route) in INPUTS)).map(key);
    expect(missing, "add the route to INPUTS in tests/integration/api-bad-input.test.ts").toEqual([]);
    const wronglyListedAsNoInput = API_ROUTES.filter((route) => NO_INPUT.has(key(route)) && takesInput(route)).map(key);
    expect(wronglyListedAsNoInput).toEqual([]);
    const unaccounted = API_ROUTES.filter(
      (route) => !takesInput(route) && !NO_INPUT.has(key(route)) && !(key(route) in INPUTS),
    ).map(key);
    expect(unaccounted, "list a route that takes no input in NO_INPUT").toEqual([]);
  });

  it("gives every field of every body schema, every query parameter and every path parameter a valid value to break", () => {
    const gaps: string[] = [];
    for (const route of API_ROUTES) {
      const make = INPUTS[key(route)];
      if (!make) continue;
      const input = make(DUMMY_FIXTURES);
      const covered = new Set(Object.keys({ ...input.body, ...input.alsoValid }));
      if (route.body)
        for (const field of Object.keys(objectShape(route.body)))
          if (!covered.has(field)) gaps.push(`${key(route)} body.${field}`);
      if (route.query)
        for (const field of Object.keys(objectShape(route.query)))
          if (!(field in (input.query ?? {}))) gaps.push(`${key(route)} ?${field}`);
      if (route.params)
        for (const field of Object.keys(objectShape(route.params)))
          if (!(field in (input.params ?? {}))) gaps.push(`${key(route)} {${field}}`);
    }
    expect(gaps).toEqual([]);
    expect(ALL_CASES.length).toBeGreaterThan(300);
  });

  describe.each(
    API_ROUTES.filter((route) => ALL_CASES.some((c) => c.route === route)).map((route) => [key(route), route] as const),
  )("%s", (routeKey, route) => {
    const cases = ALL_CASES.filter((c) => c.route === route);
    it.each(cases.map((c, i) => [c.name, i] as const))("%s", async (_name, i) => {
      const badCase = cases[i];
      if (!badCase) throw new Error("no case");
      const make = INPUTS[routeKey];
      if (!make) throw new Error(`No input for ${routeKey}`);
      const handler = await handlerFor(route);
      const [countsBefore, versionsBefore] = await Promise.all([rowCounts(), versionsSum()]);

      const response = await handler(...buildRequest(route, badCase.send(make(fixtures)), randomUUID()));
      const body: unknown = await response.json();
      const label = `${routeKey} with ${badCase.name} → ${response.status} ${JSON.stringify(body).slice(0, 400)}`;

      expect(response.status, label).toBe(badCase.expected.status);
      const error = expectPlainError(body, label);
      if (badCase.expected.code) expect(error.code, label).toBe(badCase.expected.code);
      if ("field" in badCase.expected && badCase.expected.field) {
        const expectedField = badCase.expected.field;
        const named = (error.details.fields ?? []).map((f) => f.field);
        const detailField = (error.details as { field?: string }).field;
        expect(
          [...named, detailField].some((f) => f === expectedField || f?.startsWith(`${expectedField}.`)),
          `${label}: the error should name ${expectedField}`,
        ).toBe(true);
      }
      // A 422 is the command's own refusal: an idempotent route stores it against the key so a retry
      // replays it (docs/decisions/0007-api-idempotency.md). That one row is all it may leave.
      const expectedCounts =
        badCase.expected.status === 422 && route.idempotent
          ? { ...countsBefore, IdempotencyKey: (countsBefore.IdempotencyKey ?? 0) + 1 }
          : countsBefore;
      expect(await rowCounts(), `${label}: a bad request wrote rows`).toEqual(expectedCounts);
      expect(await versionsSum(), `${label}: a bad request updated rows`).toBe(versionsBefore);
      measured.set(badCase.kind, (measured.get(badCase.kind) ?? 0) + 1);
    });
  });

  it("sends an unknown but well-formed id to each route with path parameters: 404, not 400", async () => {
    for (const route of API_ROUTES.filter((r) => r.params)) {
      const make = INPUTS[key(route)];
      if (!make) continue;
      const input = make(fixtures);
      const params = Object.fromEntries(
        Object.keys(input.params ?? {}).map((name) => [name, "7f1c2c3e-0000-4000-8000-000000000001"]),
      );
      const before = await rowCounts();
      const response = await (await handlerFor(route))(...buildRequest(route, { ...baseSent(input), params }, null));
      expect(response.status, `${key(route)} → ${await response.clone().text()}`).toBe(404);
      expect(await rowCounts()).toEqual(before);
    }
  });

  it("does not store a 400 against its Idempotency-Key: the corrected retry with the same key runs", async () => {
    const route = API_ROUTES.find((r) => key(r) === "POST /api/v1/placements");
    expect(route?.idempotent).toBe(true);
    if (!route) throw new Error("no route");
    const make = INPUTS[key(route)];
    if (!make) throw new Error("no input");
    const idempotencyKey = randomUUID();
    const input = make(fixtures);
    const bad = await (
      await handlerFor(route)
    )(...buildRequest(route, withField("capacity", -1)(input), idempotencyKey));
    expect(bad.status).toBe(400);
    expect(await testDb.idempotencyKey.count({ where: { key: idempotencyKey } })).toBe(0);
    const corrected = await (await handlerFor(route))(...buildRequest(route, baseSent(input), idempotencyKey));
    expect(corrected.status, await corrected.clone().text()).toBe(201);
    expect(await testDb.idempotencyKey.count({ where: { key: idempotencyKey } })).toBe(1);
  });

  it("accepts each route's valid input (so every 400 above came from the one broken part)", async () => {
    for (const route of API_ROUTES.filter((r) => INPUTS[key(r)])) {
      const make = INPUTS[key(route)];
      if (!make) continue;
      const response = await (await handlerFor(route))(...buildRequest(route, baseSent(make(fixtures)), randomUUID()));
      const label = `${key(route)} → ${response.status} ${await response.clone().text()}`;
      expect(response.status, label).not.toBe(400);
      expect(response.status, label).toBeLessThan(500);
    }
  });

  afterAll(() => {
    const lines = [...measured.entries()].sort().map(([kind, n]) => `  ${kind}: ${n}`);
    console.info(
      `bad-input cases that passed, by class (${[...measured.values()].reduce((a, b) => a + b, 0)} in all):\n${lines.join("\n")}`,
    );
  });
});
