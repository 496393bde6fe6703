// The breach-by-ethnicity "not recorded" link must open exactly those cases: its empty
// ethnicity travels in the URL (left out, the list showed every breach).
import { describe, expect, it } from "vitest";
import { casesHref } from "../../app/(manager)/dashboard/_parts/links";
import { drillQuerySchema } from "@/server/queries/dashboard-cases";

describe("dashboard drill-down links", () => {
  it("keeps an empty ethnicity (not recorded) in the link, and drops other empty filters", () => {
    const href = casesHref("breach", { asOf: "2026-12-03", region: "" }, { ethnicity: "" });
    const params = new URL(href, "http://x").searchParams;
    expect(params.has("ethnicity")).toBe(true);
    expect(params.get("ethnicity")).toBe("");
    expect(params.has("region")).toBe(false);
    expect(drillQuerySchema.parse(Object.fromEntries(params)).ethnicity).toBe("");
  });
});
