import type { RequirementView } from "@/domain";
import { formatDate } from "@/ui/format";

// When the hours would be done at the pace of the last 8 weeks (the amber rating's projection),
// or why there is no projection yet.
export function ProjectedCompletion({
  view,
}: {
  view: Pick<
    RequirementView,
    "status" | "outstandingMinutes" | "paceJudged" | "projectedCompletionDate" | "effectiveEndDate"
  >;
}) {
  if (view.status !== "ACTIVE" || view.outstandingMinutes <= 0) return null;
  const projected = view.projectedCompletionDate;
  return (
    <div className="summary-card">
      <dt className="text-base text-secondary">Projected completion</dt>
      <dd className="m-0 text-xl font-bold">
        {!view.paceJudged ? (
          <span className="text-base font-normal">
            Too early to judge: the pace is measured once the order has run 8 weeks
          </span>
        ) : projected === null ? (
          <span className="text-base font-normal">No hours done in the last 8 weeks, so no date can be projected</span>
        ) : (
          <>
            {formatDate(projected)}
            {projected > view.effectiveEndDate && (
              <span className="block text-base font-normal">After the end date at this pace</span>
            )}
          </>
        )}
      </dd>
    </div>
  );
}
