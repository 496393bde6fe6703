import { describe, expect, it } from "vitest";
import { workInstruction, type WorkInstructionFacts } from "./work-instruction";

const facts: WorkInstructionFacts = {
  personName: "Sam Jones",
  crn: "X123456",
  session: {
    date: "2026-11-25",
    startTime: "09:00",
    endTime: "16:00",
    pickUpPoint: "Brixton station",
    pickUpTime: "08:30",
  },
  placement: {
    name: "Park work party",
    kind: "GROUP",
    address: "Brockwell Park",
    postcode: "SE24 9BJ",
    description: "Clearing scrub.",
    whatToBring: "Boots and a coat.",
  },
  office: { name: "Alex Smith", phone: "07700 900123", email: "alex@example.test", region: "London" },
  issuedOn: "2026-11-23",
};

describe("workInstruction", () => {
  it("says where, when, what to bring, who to call and what happens after a failure to comply", () => {
    const text = workInstruction(facts);
    expect(text.sections.map((s) => s.heading)).toEqual([
      "Where",
      "When",
      "What to wear and bring",
      "Who to call",
      "If you do not attend",
    ]);
    const all = text.sections.flatMap((s) => s.paragraphs).join(" ");
    expect(all).toContain("Address: Brockwell Park, SE24 9BJ.");
    expect(all).toContain("picked up from Brixton station at 08:30");
    expect(all).toContain("Wednesday 25 November 2026, from 09:00 to 16:00");
    expect(all).toContain("Boots and a coat.");
    expect(all).toContain("phone 07700 900123 or email alex@example.test");
    expect(all).toContain("within 12 months of a warning, you can be taken back to court");
  });

  it("falls back to general advice when the placement records nothing to bring", () => {
    const text = workInstruction({
      ...facts,
      placement: { ...facts.placement, whatToBring: null, address: null, postcode: null },
      session: { ...facts.session, pickUpPoint: null, pickUpTime: null },
    });
    const all = text.sections.flatMap((s) => s.paragraphs).join(" ");
    expect(all).toContain("Wear clothes you can work in");
    expect(all).toContain("Your office will tell you the address.");
    expect(all).not.toContain("picked up");
  });
});
