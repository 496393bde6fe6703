"use client";

import { useActionState } from "react";
import { FormProblems, SubmitButton, initialFormState } from "@/ui/form";
import { recordRuleDatesAction } from "./actions";

/** The second step: the previewed dates, recorded as they were previewed. */
export function RecordRuleDatesForm({
  twelveMonthPeriodAbolishedFrom,
  earnedReductionFrom,
}: {
  twelveMonthPeriodAbolishedFrom: string;
  earnedReductionFrom: string;
}) {
  const [state, action] = useActionState(recordRuleDatesAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="previewed" value="yes" />
      <input type="hidden" name="twelveMonthPeriodAbolishedFrom" value={twelveMonthPeriodAbolishedFrom} />
      <input type="hidden" name="earnedReductionFrom" value={earnedReductionFrom} />
      <SubmitButton pendingText="Recording…">Record these dates</SubmitButton>
    </form>
  );
}
