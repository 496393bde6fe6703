"use client";

import { useActionState } from "react";
import {
  Checkbox,
  DateField,
  FormProblems,
  SelectField,
  SubmitButton,
  TextField,
  TimeField,
  errorFor,
  initialFormState,
  valueFor,
  type FormState,
} from "@/ui/form";
import { createSessionAction, createSessionSeriesAction } from "./actions";

type Option = { value: string; label: string };
const WEEKDAYS: Option[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map(
  (label, index) => ({ value: String(index + 1), label }),
);

/** One session, or a weekly series (`series`), of a placement. */
export function NewSessionForm({
  series,
  placements,
  supervisors,
  placementId,
}: {
  series: boolean;
  placements: Option[];
  supervisors: Option[];
  placementId?: string;
}) {
  const [state, action] = useActionState<FormState, FormData>(
    series ? createSessionSeriesAction : createSessionAction,
    initialFormState,
  );
  const field = (name: string, fallback?: string) => ({
    name,
    error: errorFor(state, name),
    defaultValue: valueFor(state, name, fallback),
  });
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <SelectField
        {...field("placementId", placementId)}
        label="Placement"
        options={placements}
        placeholder="Choose a placement"
      />
      {series ? (
        <>
          <DateField {...field("fromDate")} label="Date of the first session" />
          <DateField
            {...field("toDate")}
            label="Date of the last session"
            hint="At most a year after the first. Bank holidays are skipped and listed."
          />
          <SelectField
            {...field("weekday")}
            label="Day of the week"
            hint="Leave as it is to use the first session's day"
            options={WEEKDAYS}
            placeholder="The first session's day"
          />
        </>
      ) : (
        <>
          <DateField {...field("date")} label="Date" />
          <Checkbox
            name="bankHolidayConfirmed"
            label="Hold the session even if the date is a bank holiday"
            hint="You are asked to confirm when the date is a bank holiday"
            error={errorFor(state, "bankHolidayConfirmed")}
            defaultChecked={valueFor(state, "bankHolidayConfirmed") === "on"}
          />
        </>
      )}
      <TimeField {...field("startTime", "09:00")} label="Start time" hint="24-hour clock, for example 09:00" />
      <TimeField {...field("endTime", "16:00")} label="End time" hint="24-hour clock, for example 16:00" />
      <SelectField
        {...field("supervisorId")}
        label="Supervisor (optional)"
        options={supervisors}
        placeholder="Not assigned yet"
      />
      <TextField
        {...field("capacity")}
        label="Places (optional)"
        hint="Leave empty to use the placement's number of places"
        inputMode="numeric"
        width="3"
      />
      <TextField {...field("pickUpPoint")} label="Pick-up point (optional)" hint="For group work with the minibus" />
      <TimeField {...field("pickUpTime")} label="Pick-up time (optional)" />
      <SubmitButton pendingText="Adding…">{series ? "Add the sessions" : "Add the session"}</SubmitButton>
    </form>
  );
}
