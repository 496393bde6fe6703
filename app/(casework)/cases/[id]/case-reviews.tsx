import Link from "next/link";
import { REVIEW_OUTCOME_LABEL, REVIEW_TYPE_LABEL } from "@/domain/reviews";
import type { CaseReviews } from "@/server/queries/reviews-due";
import { formatDate } from "@/ui/format";
import { Tag } from "@/ui/tag";

// R3 on the case page: the mandatory reviews due or overdue, the reviews recorded with their
// outcomes, "extension applied for", and the link to record a review.
export function CaseReviewsSection({
  caseId,
  reviews,
  active,
}: {
  caseId: string;
  reviews: CaseReviews;
  active: boolean;
}) {
  return (
    <section aria-labelledby="reviews-heading" className="mb-8">
      <h2 id="reviews-heading">Reviews</h2>
      {reviews.extensionAppliedOn && (
        <p className="mb-4">
          <Tag colour="blue">Extension applied for</Tag> An application to extend the period went to the court on{" "}
          {formatDate(reviews.extensionAppliedOn)}. Record the extension when the court grants it.
        </p>
      )}
      {reviews.due.length > 0 && (
        <ul className="mb-4 list-none p-0">
          {reviews.due.map((due) => (
            <li key={due.type} className="mb-1">
              {due.state === "OVERDUE" ? <Tag colour="red">Overdue</Tag> : <Tag colour="yellow">Due soon</Tag>}{" "}
              {REVIEW_TYPE_LABEL[due.type]} due on {formatDate(due.dueOn)}
            </li>
          ))}
        </ul>
      )}
      {reviews.recorded.length === 0 ? (
        <p>No review has been recorded yet.</p>
      ) : (
        <ul className="list-none p-0">
          {reviews.recorded.map((review) => (
            <li key={review.id} className="mb-3 border-l-4 border-border pl-4">
              <p className="mb-1 font-bold">
                {REVIEW_TYPE_LABEL[review.type]} on {formatDate(review.date)}
                {review.outcome ? `: ${REVIEW_OUTCOME_LABEL[review.outcome]}` : ""}
              </p>
              {review.note && <p className="mb-1 whitespace-pre-wrap break-words">{review.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {active && (
        <p>
          <Link href={`/cases/${caseId}/review`}>Record a review</Link>
        </p>
      )}
    </section>
  );
}
