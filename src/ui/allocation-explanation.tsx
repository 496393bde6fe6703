import type { Refusal, RuleWarning } from "@/domain";
import type { SessionChoiceStanding } from "@/domain/session-choice";
import { Tag } from "./tag";

// What the booking rule (R10) says about one person on one session, in its own words:
// every blocking reason and every warning, shown before anyone presses "Book".

const STANDING: Record<SessionChoiceStanding, { words: string; colour: "green" | "yellow" | "red" }> = {
  BOOKABLE: { words: "Can be booked", colour: "green" },
  NEEDS_DETAILS: { words: "Needs details recorded", colour: "yellow" },
  BLOCKED: { words: "Cannot be booked", colour: "red" },
};

export function StandingTag({ standing }: { standing: SessionChoiceStanding }) {
  const { words, colour } = STANDING[standing];
  return <Tag colour={colour}>{words}</Tag>;
}

export function AllocationExplanation({
  refusals,
  warnings,
}: {
  refusals: readonly Refusal[];
  warnings: readonly RuleWarning[];
}) {
  if (refusals.length === 0 && warnings.length === 0)
    return <p className="mb-0">Nothing stands in the way of this booking.</p>;
  return (
    <>
      {refusals.length > 0 && (
        <>
          <p className="mb-1 font-bold">
            {refusals.length === 1
              ? "Why it cannot be booked yet"
              : `Why it cannot be booked yet (${refusals.length} reasons)`}
          </p>
          <ul className="mb-3 list-disc pl-6">
            {refusals.map((refusal) => (
              <li key={refusal.code}>{refusal.message}</li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <p className="mb-1 font-bold">Check before booking</p>
          <ul className="mb-0 list-disc pl-6">
            {warnings.map((warning) => (
              <li key={warning.code}>{warning.message}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
