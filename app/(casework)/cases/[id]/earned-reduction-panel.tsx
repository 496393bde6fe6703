import Link from "next/link";
import type { RequirementView } from "@/domain";
import { formatHoursAndMinutes } from "@/ui/format";

// Sentencing Act 2026 s.37 on the case page: what the app proposes and what the officer decided.
// Shown only once s.37 is in force for the date (nothing changes before it).

const FAILURE_WORDS = {
  FAILED_TO_ATTEND: "an unacceptable absence",
  SENT_HOME_NOT_WORKING: "being sent home for not working as instructed",
} as const;

export function EarnedReductionPanel({
  caseId,
  view,
  canDecide,
}: {
  caseId: string;
  view: RequirementView;
  canDecide: boolean;
}) {
  const r = view.earnedReduction;
  if (r.status === "NOT_IN_FORCE") return null;
  const decided =
    r.decision === "CONFIRMED"
      ? "You confirmed the reduction."
      : r.decision === "REFUSED"
        ? "The reduction was refused."
        : null;
  return (
    <section aria-labelledby="earned-reduction-heading" className="mb-8 max-w-3xl">
      <h2 id="earned-reduction-heading">Earned reduction of hours</h2>
      <p>
        After working {formatHoursAndMinutes(r.qualifyingMinutes)} (a quarter of the hours ordered) without an
        unacceptable absence or being sent home for not working, the hours fall by half an hour for every further hour
        worked (Sentencing Act 2026, section 37).
      </p>
      {r.status === "NOT_YET_QUALIFIED" && (
        <p data-testid="earned-reduction-status">
          Not yet qualified: {formatHoursAndMinutes(Math.max(0, r.qualifyingMinutes - view.minutesCredited))} more to
          work. Up to {formatHoursAndMinutes(r.projectedMinutes)} off in prospect.
        </p>
      )}
      {r.status === "DISQUALIFIED" && (
        <p data-testid="earned-reduction-status">
          Not available: {r.disqualifyingFailure ? FAILURE_WORDS[r.disqualifyingFailure.kind] : "a failure"} is recorded
          before the qualifying amount was reached. If there was a reasonable excuse, correct that attendance record
          first.
        </p>
      )}
      {r.status === "QUALIFIED" && (
        <p data-testid="earned-reduction-status">
          Qualified. Reduction so far: <strong>{formatHoursAndMinutes(r.currentMinutes)}</strong>; in prospect:{" "}
          <strong>{formatHoursAndMinutes(r.projectedMinutes)}</strong>.{" "}
          {decided ?? "Not yet decided: the reduction applies only once the responsible officer confirms it."}
        </p>
      )}
      {decided && r.status !== "QUALIFIED" && <p>{decided}</p>}
      {canDecide && view.status === "ACTIVE" && r.status !== "NOT_YET_QUALIFIED" && (
        <p>
          <Link href={`/cases/${caseId}/earned-reduction`}>
            {r.decision ? "Change the decision on the reduction" : "Decide on the reduction"}
          </Link>
        </p>
      )}
    </section>
  );
}
