import type { Metadata } from "next";
import Link from "next/link";
import { todayInLondon } from "@/domain";
import { requirePageUser } from "@/server/auth/current-user";
import { currentRuleCommencements, previewRuleCommencements } from "@/server/queries/rule-commencement-preview";
import type { RuleCommencements } from "@/server/rules/rule-commencements";
import { ruleCommencementsBody } from "@/server/services/rule-commencements/set-rule-commencements.types";
import { DateField, FormProblems } from "@/ui/form";
import type { FormState } from "@/ui/form/form-state";
import { formatDate, formatNumber } from "@/ui/format";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import { TableRegion } from "@/ui/table-region";
import { RecordRuleDatesForm } from "./record-rule-dates-form";

export const metadata: Metadata = { title: "Rule dates" };

const S36 = "twelveMonthPeriodAbolishedFrom";
const S37 = "earnedReductionFrom";
const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");
const shown = (date: string | null) => (date ? `From ${formatDate(date)}` : "Not in force");

/**
 * Administrator: the Sentencing Act 2026 commencement dates. Step 1 previews what recording the
 * dates would change today (a GET form, so nothing is saved); step 2 records them (audited).
 */
export default async function RuleDatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("admin.reference");
  const params = await searchParams;
  const current = await currentRuleCommencements();
  const previewing = text(params.preview) === "1";
  const sent = { [S36]: text(params[S36]), [S37]: text(params[S37]) };
  const parsed = previewing
    ? ruleCommencementsBody.safeParse({ [S36]: sent[S36] || null, [S37]: sent[S37] || null })
    : null;
  const problems: FormState =
    parsed && !parsed.success
      ? {
          status: "error",
          values: sent,
          errors: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? S36), message: issue.message })),
          submission: 0,
        }
      : { status: "idle", values: {}, errors: [], submission: 0 };
  const errorFor = (field: string) => problems.errors.find((e) => e.field === field)?.message;
  const proposed: RuleCommencements | null = parsed?.success ? parsed.data : null;
  const today = todayInLondon();
  const preview = proposed ? await previewRuleCommencements(proposed, today) : null;

  return (
    <>
      <PageHeading caption="Reference data">Rule dates</PageHeading>
      <div className="max-w-3xl">
        <p>
          The Sentencing Act 2026 changes unpaid work from dates set by commencement regulations. Record each date here
          once it is known. Every screen, dashboard figure and API answer applies the new rules on and after the date,
          and the old rules before it.
        </p>
        <SummaryList
          rows={[
            {
              key: "No 12-month period (section 36, SI 2026/402)",
              value: shown(current.twelveMonthPeriodAbolishedFrom),
            },
            { key: "Earned reduction of hours (section 37)", value: shown(current.earnedReductionFrom) },
          ]}
        />
      </div>

      <h2>Change the dates</h2>
      <form method="get" action="/admin/rule-dates" noValidate className="max-w-3xl">
        <FormProblems state={problems} />
        <input type="hidden" name="preview" value="1" />
        <DateField
          name={S36}
          label="Date the 12-month period ends (section 36)"
          hint="From this date no order has a 12-month period: no end date, no backlog, no nearing-end rating and no extensions. Leave empty if not in force."
          error={errorFor(S36)}
          defaultValue={previewing ? sent[S36] : (current.twelveMonthPeriodAbolishedFrom ?? "")}
        />
        <DateField
          name={S37}
          label="Date the earned reduction starts (section 37)"
          hint="From this date people who have worked a quarter of their hours without a failure earn half an hour off for every further hour. Leave empty if not in force."
          error={errorFor(S37)}
          defaultValue={previewing ? sent[S37] : (current.earnedReductionFrom ?? "")}
        />
        <button type="submit" className="button button-secondary">
          Preview the change
        </button>
      </form>

      {preview && proposed && (
        <section aria-labelledby="preview-heading" className="max-w-3xl">
          <h2 id="preview-heading">What changes today ({formatDate(preview.asOf)}), in all regions</h2>
          <TableRegion label="What changes">
            <table>
              <caption className="sr-only">Counts now and with the new dates</caption>
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col" className="text-right">
                    Now
                  </th>
                  <th scope="col" className="text-right">
                    With these dates
                  </th>
                </tr>
              </thead>
              <tbody>
                <PreviewRow label="Requirements in the backlog" counts={preview.backlog} />
                <PreviewRow label="Requirements with a nearing-end rating" counts={preview.nearingEnd} />
                <PreviewRow
                  label="Court extensions still running that set an end date"
                  counts={preview.runningExtensions}
                />
                <PreviewRow
                  label="Requirements already past the qualifying amount (a reduction will be proposed)"
                  counts={preview.earnedReductionCandidates}
                />
              </tbody>
            </table>
          </TableRegion>
          <p>
            Days before each date keep the old rules, so past dashboards and trends do not change. The app does not
            record applications to the court for an extension, so none are counted here.
          </p>
          <RecordRuleDatesForm
            twelveMonthPeriodAbolishedFrom={proposed[S36] ?? ""}
            earnedReductionFrom={proposed[S37] ?? ""}
          />
          <p>
            <Link href="/admin/rule-dates" className="inline-block min-h-11 py-2">
              Cancel
            </Link>
          </p>
        </section>
      )}
    </>
  );
}

function PreviewRow({ label, counts }: { label: string; counts: { now: number; after: number } }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="text-right">{formatNumber(counts.now)}</td>
      <td className="text-right">{formatNumber(counts.after)}</td>
    </tr>
  );
}
