"use client";

import { useActionState } from "react";
import {
  Checkbox,
  FormProblems,
  RadioGroup,
  SubmitButton,
  TextArea,
  checkedFor,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { LATE_START_REASON_LABEL } from "@/ui/labels";
import { allocateFromCaseAction, allocateFromSessionAction, allocateSeriesAction } from "./actions";

const ACTIONS = {
  case: allocateFromCaseAction,
  session: allocateFromSessionAction,
  series: allocateSeriesAction,
} as const;

export type BookingFormProps = {
  /** Book this one session (from the case or from the session page), or every future session of its weekly series. */
  mode: keyof typeof ACTIONS;
  caseId: string;
  sessionId: string;
  seriesId: string | null;
  retrospective: boolean;
  /** Which details the booking rule asked for (from the explanation shown above the form). */
  asks: { lateStartReason: boolean; consent: boolean; override: boolean };
  submitLabel: string;
};

export function BookingForm({ mode, caseId, sessionId, seriesId, retrospective, asks, submitLabel }: BookingFormProps) {
  const [state, action] = useActionState(ACTIONS[mode], initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      {mode === "series" && seriesId ? (
        <input type="hidden" name="seriesId" value={seriesId} />
      ) : (
        <input type="hidden" name="sessionId" value={sessionId} />
      )}
      {retrospective && mode !== "series" && <input type="hidden" name="retrospective" value="true" />}

      {asks.lateStartReason && (
        <>
          <RadioGroup
            name="lateStartCategory"
            legend="Why is the start late?"
            hint="The first work session should be within 15 working days of sentence. Record why it is not."
            error={errorFor(state, "lateStartCategory")}
            defaultValue={valueFor(state, "lateStartCategory")}
            choices={Object.entries(LATE_START_REASON_LABEL).map(([value, label]) => ({ value, label }))}
          />
          <TextArea
            name="lateStartNote"
            label="Note about the late start"
            error={errorFor(state, "lateStartNote")}
            defaultValue={valueFor(state, "lateStartNote")}
            rows={3}
          />
        </>
      )}
      {asks.consent && (
        <Checkbox
          name="consentRecorded"
          label="The only woman in this group has agreed to it"
          hint="Ask her before booking (even when booking someone else) and record her answer here. It is recorded on her booking."
          error={errorFor(state, "consentRecorded")}
          defaultChecked={checkedFor(state, "consentRecorded")}
        />
      )}
      {asks.override && (
        <TextArea
          name="overrideReason"
          label="Your reason for overriding, as regional manager"
          hint="Recorded as your approval on the case's timeline and in the audit trail."
          error={errorFor(state, "overrideReason")}
          defaultValue={valueFor(state, "overrideReason")}
          rows={3}
        />
      )}
      <SubmitButton pendingText="Booking…">{submitLabel}</SubmitButton>
    </form>
  );
}
