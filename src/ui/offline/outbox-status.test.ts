import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OutboxStatus, RecordStateTag } from "./outbox-status";

// Server rendering shows the state before the phone's stored records are read: connection and
// heading, no counts yet (they would flash "0" before IndexedDB answers).
describe("OutboxStatus before the stored records are read", () => {
  it("shows the heading and the connection, and no counts", () => {
    const html = renderToStaticMarkup(createElement(OutboxStatus, { sessionId: "s1" }));
    expect(html).toContain("Records on this phone");
    expect(html).toContain("Online");
    expect(html).not.toContain("Waiting to send");
  });

  it("shows nothing next to a person with no record", () => {
    expect(renderToStaticMarkup(createElement(RecordStateTag, { sessionId: "s1", caseId: "c1" }))).toBe("");
  });
});
