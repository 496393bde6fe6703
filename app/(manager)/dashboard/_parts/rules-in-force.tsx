import { isEarnedReductionInForce, isTwelveMonthPeriodAbolished, type IsoDate, type RulePolicy } from "@/domain";
import { formatDate, formatNumber } from "@/ui/format";

/** Which rules the figures follow on their as-of date (Sentencing Act 2026 s.36 and s.37), and the reductions granted. */
export function RulesInForce({
  asOf,
  policy,
  reductionsGranted,
}: {
  asOf: IsoDate;
  policy: RulePolicy;
  reductionsGranted: number;
}) {
  const abolished = isTwelveMonthPeriodAbolished(asOf, policy);
  const earned = isEarnedReductionInForce(asOf, policy);
  return (
    <section aria-labelledby="rules-heading" className="mb-8 max-w-3xl border-l-4 border-border pl-4">
      <h2 id="rules-heading" className="text-xl">
        Rules on {formatDate(asOf)}
      </h2>
      <ul>
        <li>
          {abolished
            ? `No 12-month period (Sentencing Act 2026 section 36, in force from ${formatDate(policy.twelveMonthPeriodAbolishedFrom ?? asOf)}): there is no backlog and no nearing-end rating, and progress is rated by pace only.`
            : `The 12-month period applies: backlog and nearing-end figures use each requirement's end date.`}
        </li>
        <li>
          {earned
            ? `Earned reduction of hours in force (section 37, from ${formatDate(policy.earnedReductionFrom ?? asOf)}): ${formatNumber(reductionsGranted)} ${reductionsGranted === 1 ? "reduction" : "reductions"} confirmed by ${formatDate(asOf)}.`
            : "No earned reduction of hours: section 37 was not in force."}
        </li>
      </ul>
    </section>
  );
}
