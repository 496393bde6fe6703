"use server";

import { REVIEW_TYPE_LABEL } from "@/domain";
import { formAction } from "@/server/actions/form-action";
import { recordReview } from "@/server/services/reviews/record-review";
import { recordReviewInput } from "@/server/services/reviews/record-review.types";
import type { FormState } from "@/ui/form/form-state";

const submitReview = formAction({
  permission: "review.record",
  schema: recordReviewInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    type: form.text("type") ?? "",
    date: form.text("date") ?? "",
    outcome: form.text("outcome") ?? "",
    note: form.text("note"),
    extensionAppliedOn: form.text("extensionAppliedOn"),
  }),
  messages: {
    type: "Choose the type of review",
    date: "Enter the date the review took place",
    outcome: "Choose the outcome of the review",
    extensionAppliedOn: "Enter the date the extension was applied for, or leave it blank",
  },
  run: (user, input) => recordReview(user, input),
  onSuccess: (review) => ({
    redirectTo: `/cases/${review.caseId}`,
    notice: `${REVIEW_TYPE_LABEL[review.type]} recorded.`,
    revalidate: [`/cases/${review.caseId}`, "/work-queue", "/dashboard"],
  }),
});

export async function recordReviewAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitReview(previous, form);
}
