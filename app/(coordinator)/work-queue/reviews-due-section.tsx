import { REVIEW_TYPE_LABEL } from "@/domain/reviews";
import type { ReviewsDue } from "@/server/queries/reviews-due";
import { formatShortDate } from "@/ui/format";
import { QueueSection, type QueuePaging } from "@/ui/queue-section";
import { Tag } from "@/ui/tag";

// R3 on the work queue: mandatory 6- and 9-month reviews overdue (first) or due within 14 days.
export function ReviewsDueSection({ reviews, paging }: { reviews: ReviewsDue; paging?: QueuePaging }) {
  return (
    <QueueSection
      id="reviews-due"
      title="Reviews due and overdue"
      description="The 6- and 9-month reviews are mandatory. Overdue first, then those due in the next 14 days."
      total={reviews.total}
      empty="No 6- or 9-month review is due in the next 14 days or overdue."
      columns={["Review", "Due on", "State"]}
      rows={reviews.rows.map((row) => ({
        key: `${row.id}-${row.type}`,
        caseId: row.id,
        person: row.person,
        cells: [
          REVIEW_TYPE_LABEL[row.type],
          <span key="d" className="whitespace-nowrap">
            {formatShortDate(row.dueOn)}
          </span>,
          row.state === "OVERDUE" ? (
            <Tag key="s" colour="red">
              Overdue
            </Tag>
          ) : (
            <Tag key="s" colour="yellow">
              Due soon
            </Tag>
          ),
        ],
        action: { href: `/cases/${row.id}/review`, label: "Record the review" },
      }))}
      paging={paging}
    />
  );
}
