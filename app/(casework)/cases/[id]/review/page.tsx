import type { Metadata } from "next";
import { mandatoryReviewsDue, REVIEW_TYPE_LABEL } from "@/domain";
import { formatDate } from "@/ui/format";
import { CaseFormHeading, loadCaseFormPage, NotActiveMessage } from "../case-form-page";
import { ReviewForm } from "./review-form";
import { recordedReviewTypes } from "@/server/queries/reviews-due";

export const metadata: Metadata = { title: "Record a review" };

// R3: the 6- and 9-month reviews are mandatory; others may be recorded too.
export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, caseForForm } = await loadCaseFormPage(params, "review.record");
  const recorded = await recordedReviewTypes(user, caseForForm.id);
  const due = mandatoryReviewsDue({
    sentenceDate: caseForForm.sentenceDate,
    asOf: caseForForm.view.asOf,
    recordedTypes: recorded,
  });
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Record a review" />
      {caseForForm.status !== "ACTIVE" ? (
        <NotActiveMessage caseForForm={caseForForm} />
      ) : (
        <>
          {due.length > 0 && (
            <p className="max-w-2xl">
              {due
                .map(
                  (d) =>
                    `${REVIEW_TYPE_LABEL[d.type]} ${d.state === "OVERDUE" ? "was due" : "is due"} on ${formatDate(d.dueOn)}.`,
                )
                .join(" ")}
            </p>
          )}
          <ReviewForm caseId={caseForForm.id} suggestedType={due[0]?.type} />
        </>
      )}
    </>
  );
}
