import { expect, test } from "./fixtures";
import { api, type ApiCall, expectAccessible, signIn } from "./support";

// R9 made whole, as the office uses it: a recorded failure to comply appears on the work queue's
// enforcement-due list, is answered with a warning, and the warning is withdrawn when the failure
// is corrected to an acceptable absence; a manager approves a third accepted absence from the
// approvals page. The scene is set through the JSON API (the same services the office uses; the
// office corrects an outcome through the API or the supervisor's roster).

const isoInDays = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + days * 86_400_000));
const stamp = String(Date.now()).slice(-6);

async function caseWithPastSessions(call: ApiCall, crn: string, lastName: string, daysAgo: number[]) {
  const created = await call<{ id: string; version: number }>("POST", "/cases", {
    crn,
    firstName: "Jordan",
    lastName,
    dateOfBirth: "1990-03-04",
    gender: "MALE",
    region: "LON",
    orderType: "COMMUNITY_ORDER",
    managedBy: "STANDALONE_UPW",
    // Sentenced 15 days ago: the past sessions fall before the start deadline (no late-start reason needed).
    sentenceDate: isoInDays(-15),
    court: "Highbury Corner Magistrates' Court",
    hoursOrdered: 100,
  });
  await call("PUT", `/cases/${created.id}/assessment`, {
    version: created.version,
    rosh: "LOW",
    riskCodes: [],
    eteEligible: false,
    complete: true,
  });
  const placement = await call<{ id: string }>("POST", "/placements", {
    name: `E2E park clean-up ${lastName}`,
    type: "GROUP",
    region: "LON",
    capacity: 6,
    features: [],
  });
  const sessions: string[] = [];
  for (const days of daysAgo) {
    const session = await call<{ id: string }>("POST", "/sessions", {
      placementId: placement.id,
      date: isoInDays(-days),
      startTime: "09:00",
      endTime: "16:00",
    });
    await call("POST", `/sessions/${session.id}/allocations`, { caseId: created.id, retrospective: true });
    sessions.push(session.id);
  }
  return { caseId: created.id, sessions };
}

test("a failure appears as due on the work queue, is answered with a warning, and the correction to an acceptable absence withdraws it", async ({
  page,
  request,
}) => {
  const call = await api(request);
  const lastName = `Enforce${stamp}`;
  const { caseId, sessions } = await caseWithPastSessions(call, `E${stamp}`, lastName, [3]);
  const recorded = await call<{ attendance: { id: string; version: number }; enforcementDue: string }>(
    "PUT",
    `/sessions/${sessions[0]}/attendance/${caseId}`,
    { outcome: "UNACCEPTABLE_ABSENCE" },
  );
  expect(recorded.enforcementDue).toBe("WARNING");

  await signIn(page, "coordinator@demo.test");
  await page.goto("/work-queue");
  const dueList = page.getByRole("region", { name: "Failures to comply waiting for a warning or breach" });
  const row = dueList.getByRole("row").filter({ hasText: lastName });
  await expect(row).toContainText("Warning due");
  await expectAccessible(page);
  await row.getByRole("link", { name: /Record a warning or breach/ }).click();
  await page.waitForURL(`**/cases/${caseId}/enforcement/new?failure=${recorded.attendance.id}`);
  await expect(page.getByRole("radio", { name: /Unacceptable absence/ })).toBeChecked();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "A formal warning" }).check();
  await page.getByRole("button", { name: "Record" }).click();
  await page.waitForURL(`**/cases/${caseId}`);
  await expect(page.getByRole("status")).toContainText("Warning recorded.");

  // The evidence arrives: the office corrects the absence to an acceptable medical one.
  const corrected = await call<{ withdrawnEnforcement?: { type: string }[] }>(
    "PUT",
    `/sessions/${sessions[0]}/attendance/${caseId}`,
    {
      outcome: "ACCEPTABLE_ABSENCE",
      reasonCategory: "MEDICAL",
      note: "GP's note for the day",
      version: recorded.attendance.version,
    },
  );
  expect(corrected.withdrawnEnforcement).toEqual([expect.objectContaining({ type: "WARNING" })]);

  await page.reload();
  await expect(page.getByText("Withdrawn", { exact: true })).toBeVisible();
  await expect(page.getByText(/It no longer counts and its letter is void/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Print the warning letter/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto("/work-queue");
  await expect(
    page
      .getByRole("region", { name: "Failures to comply waiting for a warning or breach" })
      .getByRole("row")
      .filter({ hasText: lastName }),
  ).toHaveCount(0);
});

test("a manager approves a third accepted absence from the approvals page", async ({ page, request }) => {
  const call = await api(request);
  const lastName = `Approve${stamp}`;
  const { caseId, sessions } = await caseWithPastSessions(call, `F${stamp}`, lastName, [10, 8, 6]);
  let approvalId = "";
  for (const sessionId of sessions) {
    const result = await call<{ approval?: { id: string } }>("PUT", `/sessions/${sessionId}/attendance/${caseId}`, {
      outcome: "ACCEPTABLE_ABSENCE",
      reasonCategory: "MEDICAL",
      note: "Hospital appointment letter seen",
    });
    if (result.approval) approvalId = result.approval.id;
  }
  expect(approvalId).not.toBe("");

  await signIn(page, "manager@demo.test");
  await page.goto("/approvals");
  const row = page.getByRole("row").filter({ hasText: lastName });
  await expect(row).toContainText("Accepted absence (3rd or later)");
  await expect(row.getByRole("link", { name: `Jordan ${lastName}`, exact: true })).toHaveAttribute(
    "href",
    `/cases/${caseId}`,
  );
  await expect(row).toContainText(/Waiting since today|Waiting \d+ days?/);
  await expectAccessible(page);
  await row.getByRole("link", { name: /Decide/ }).click();
  await page.waitForURL(`**/approvals/${approvalId}`);
  await expectAccessible(page);
  await page.getByRole("radio", { name: "Approve" }).check();
  await page.getByLabel("Note (optional)").fill("Letter seen");
  await page.getByRole("button", { name: "Save decision" }).click();
  await page.waitForURL("**/approvals");
  await expect(page.getByRole("status")).toContainText(`Jordan ${lastName}: request approved.`);
  await expect(page.getByRole("row").filter({ hasText: lastName })).toHaveCount(0);
  await expectAccessible(page);
});
