// Administrators add and rename probation delivery units (decision 0075): audited with before and
// after, optimistic locking on rename, codes unique, names unique within a region.
import { afterAll, describe, expect, it } from "vitest";
import { addPdu } from "@/server/services/pdus/add-pdu";
import { renamePdu } from "@/server/services/pdus/rename-pdu";
import { expectOk } from "@/server/services/result";
import { testDb } from "../../support/db";
import { auditEventsFor, makeRegion, makeUser } from "../../support/factories";

afterAll(() => testDb.$disconnect());

const code = () => `P-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

describe("PDUs", () => {
  it("adds a PDU to a region and renames it, audited; a stale rename and duplicates are refused", async () => {
    const region = await makeRegion();
    const admin = await makeUser("ADMIN", null);
    const pduCode = code();
    const added = expectOk(
      await addPdu(admin, { regionId: region.id, code: pduCode.toLowerCase(), name: "Cardiff North" }),
    );
    expect(added).toMatchObject({ regionId: region.id, code: pduCode, name: "Cardiff North", version: 1 });
    expect(await addPdu(admin, { regionId: region.id, code: pduCode, name: "Another" })).toMatchObject({
      ok: false,
      field: "code",
    });
    expect(await addPdu(admin, { regionId: region.id, code: code(), name: "cardiff north" })).toMatchObject({
      ok: false,
      field: "name",
    });

    const renamed = expectOk(await renamePdu(admin, { pduId: added.id, version: 1, name: "Cardiff and Vale" }));
    expect(renamed).toMatchObject({ name: "Cardiff and Vale", code: pduCode, version: 2 });
    expect(await renamePdu(admin, { pduId: added.id, version: 1, name: "Stale" })).toMatchObject({
      ok: false,
      code: "STALE_VERSION",
    });
    const events = await auditEventsFor("Pdu", added.id);
    expect(events.map((e) => e.action)).toEqual(["pdu.add", "pdu.rename"]);
    expect(events[1]).toMatchObject({
      regionId: region.id,
      before: { name: "Cardiff North" },
      after: { name: "Cardiff and Vale" },
    });
  });

  it("is for administrators only, and an unknown region is not found", async () => {
    const region = await makeRegion();
    const manager = await makeUser("MANAGER", region);
    const admin = await makeUser("ADMIN", null);
    await expect(addPdu(manager, { regionId: region.id, code: code(), name: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      addPdu(admin, { regionId: "00000000-0000-4000-8000-000000000000", code: code(), name: "X" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
