import Link from "next/link";
import { can, type AppUser } from "@/server/auth/access";
import type { CaseDetail } from "@/server/queries/case-detail";
import { listCaseEnforcement } from "@/server/queries/case-enforcement";
import { listPendingApprovalsForCase } from "@/server/queries/manager-pages";
import { loadFailuresAwaitingAction } from "@/server/queries/enforcement-due";
import { formatDate } from "@/ui/format";
import {
  APPROVAL_KIND_LABEL,
  BREACH_OUTCOME_LABEL,
  ENFORCEMENT_TYPE_DUE_LABEL,
  ENFORCEMENT_TYPE_LABEL,
  outcomeWords,
} from "@/ui/labels";
import { isoDateInLondon } from "@/domain/dates";
import { Tag } from "@/ui/tag";

// The case page's "Actions" area: the forms that start from a case, shown only to those who
// may use them and only while the requirement is active, and the warnings and breaches with
// their letter and court-outcome pages.
export async function CaseActions({ user, detail }: { user: AppUser; detail: CaseDetail }) {
  const [enforcement, awaiting, approvals] = await Promise.all([
    listCaseEnforcement(user, detail.id),
    loadFailuresAwaitingAction(user, { caseIds: [detail.id] }),
    can(user, "approval.list") ? listPendingApprovalsForCase(user, detail.id) : Promise.resolve([]),
  ]);
  const active = detail.status === "ACTIVE";
  const base = `/cases/${detail.id}`;
  const assessmentComplete = detail.assessment?.complete ?? false;

  return (
    <section aria-labelledby="actions-heading" className="mb-8">
      <h2 id="actions-heading">Actions</h2>
      {!active ? (
        <p>This requirement is no longer active, so nothing more can be recorded on it here.</p>
      ) : (
        <>
          <p className="max-w-2xl" data-testid="allocation-readiness">
            {assessmentComplete
              ? "The assessment is complete, so work sessions can be allocated."
              : "Work sessions cannot be allocated until the assessment is complete."}
          </p>
          <ul className="flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
            <li>
              <Link href={`${base}/assessment`}>
                {assessmentComplete ? "Update the assessment" : "Complete the assessment"}
              </Link>
            </li>
            {detail.assessment?.eteEligible && (
              <li>
                <Link href={`${base}/ete-credit`}>Credit ETE time</Link>
              </li>
            )}
            {detail.view.twelveMonthPeriodApplies && (
              <li>
                <Link href={`${base}/extension`}>Record an extension</Link>
              </li>
            )}
            <li>
              <Link href={`${base}/enforcement/new`}>Record a warning or breach</Link>
            </li>
            <li>
              <Link href={`${base}/address`}>Record a new address</Link>
            </li>
            {can(user, "case.terminate") && (
              <li>
                <Link href={`${base}/terminate`}>Terminate the requirement</Link>
              </li>
            )}
          </ul>
        </>
      )}

      {approvals.length > 0 && (
        <>
          <h3>Requests waiting for your decision</h3>
          <ul className="list-none p-0">
            {approvals.map((approval) => (
              <li key={approval.id} className="mb-4 border-l-4 border-border pl-4">
                <p className="mb-1 font-bold">
                  {APPROVAL_KIND_LABEL[approval.kind]}, asked on {formatDate(isoDateInLondon(approval.requestedAt))}
                </p>
                <Link href={`/approvals/${approval.id}?from=case`}>
                  Approve or reject
                  <span className="sr-only"> the request of {formatDate(isoDateInLondon(approval.requestedAt))}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {awaiting.rows.length > 0 && (
        <>
          <h3 id="enforcement-due-heading">Failures to comply waiting for a warning or breach</h3>
          <ul className="list-none p-0" aria-labelledby="enforcement-due-heading">
            {awaiting.rows.map((row) => (
              <li key={row.attendanceId} className="mb-4 border-l-4 border-error pl-4">
                <p className="mb-1 font-bold">
                  {outcomeWords(row.outcome)} on {formatDate(row.failureDate)}:{" "}
                  {ENFORCEMENT_TYPE_DUE_LABEL[row.actionDue]}{" "}
                  {row.timescale === "OVERDUE" ? <Tag colour="red">Overdue</Tag> : <Tag colour="orange">Due</Tag>}
                </p>
                <p className="mb-1">
                  Act by {formatDate(row.dueBy)}
                  {row.respondBy ? `. Asked to explain by ${formatDate(row.respondBy)}.` : "."}
                </p>
                {active && (
                  <ul className="flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
                    <li>
                      <Link href={`${base}/enforcement/new?failure=${row.attendanceId}`}>
                        Record a warning or breach
                        <span className="sr-only"> for the failure on {formatDate(row.failureDate)}</span>
                      </Link>
                    </li>
                    {!row.respondBy && (
                      <li>
                        <Link href={`${base}/enforcement/explanation?failure=${row.attendanceId}`}>
                          Ask for an explanation
                          <span className="sr-only"> of the failure on {formatDate(row.failureDate)}</span>
                        </Link>
                      </li>
                    )}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {enforcement.length > 0 && (
        <>
          <h3>Warnings and breaches</h3>
          <ul className="list-none p-0">
            {enforcement.map((action) => (
              <li key={action.id} className="mb-4 border-l-4 border-border pl-4">
                <p className="mb-1 font-bold">
                  {ENFORCEMENT_TYPE_LABEL[action.type]} on {formatDate(action.date)}{" "}
                  {action.withdrawn ? (
                    <Tag colour="grey">Withdrawn</Tag>
                  ) : action.underWarrant ? (
                    <Tag colour="red">Under warrant</Tag>
                  ) : action.openBreach ? (
                    <Tag colour="orange">Open</Tag>
                  ) : null}
                </p>
                {action.withdrawn && (
                  <p className="mb-1 text-secondary">
                    It no longer counts and its letter is void. Reason: {action.withdrawalReason ?? "not recorded"}
                  </p>
                )}
                {action.outcomes.length > 0 && (
                  <p className="mb-1 text-secondary">
                    {action.outcomes
                      .map((o) => `${BREACH_OUTCOME_LABEL[o.outcome]} on ${formatDate(o.date)}`)
                      .join("; ")}
                  </p>
                )}
                {action.type === "WARNING" && !action.withdrawn && (
                  <Link href={`${base}/enforcement/${action.id}/letter`}>
                    Print the warning letter<span className="sr-only"> of {formatDate(action.date)}</span>
                  </Link>
                )}
                {action.type === "BREACH" && action.openBreach && can(user, "enforcement.outcome") && (
                  <Link href={`${base}/enforcement/${action.id}/outcome`}>
                    Record the court&apos;s outcome
                    <span className="sr-only"> of the breach of {formatDate(action.date)}</span>
                  </Link>
                )}
                {!action.withdrawn && action.outcomes.length === 0 && can(user, "enforcement.withdraw") && (
                  <>
                    {" "}
                    <Link href={`${base}/enforcement/${action.id}/withdraw`} className="ml-4">
                      Withdraw
                      <span className="sr-only">
                        {" "}
                        the {action.type === "WARNING" ? "warning" : "breach"} of {formatDate(action.date)}
                      </span>
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
