"use client";

import { useActionState } from "react";
import {
  Checkbox,
  FormProblems,
  SelectField,
  SubmitButton,
  TextArea,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { cancelBookingAction, moveBookingAction } from "./actions";

type Booking = { id: string; version: number };

export function MoveBookingForm({
  booking,
  sessions,
}: {
  booking: Booking;
  sessions: { value: string; label: string }[];
}) {
  const [state, action] = useActionState(moveBookingAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="allocationId" value={booking.id} />
      <input type="hidden" name="version" value={booking.version} />
      <SelectField
        name="toSessionId"
        label="Session to move to"
        placeholder="Choose a session"
        options={sessions}
        error={errorFor(state, "toSessionId")}
        defaultValue={valueFor(state, "toSessionId")}
      />
      <TextArea
        name="moveReason"
        label="Why is the booking moved?"
        rows={2}
        error={errorFor(state, "moveReason")}
        defaultValue={valueFor(state, "moveReason")}
      />
      <Checkbox
        name="consentRecorded"
        label="She has agreed to be the only woman in the group"
        hint="Only needed when the move would leave one woman among men. It is recorded on her booking."
        error={errorFor(state, "consentRecorded")}
        defaultChecked={valueFor(state, "consentRecorded") === "on"}
      />
      <SubmitButton pendingText="Moving…">Move the booking</SubmitButton>
    </form>
  );
}

export function CancelBookingForm({ booking }: { booking: Booking }) {
  const [state, action] = useActionState(cancelBookingAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="allocationId" value={booking.id} />
      <input type="hidden" name="version" value={booking.version} />
      <TextArea
        name="reason"
        label="Why is the booking cancelled?"
        rows={2}
        error={errorFor(state, "reason")}
        defaultValue={valueFor(state, "reason")}
      />
      <SubmitButton variant="warning" pendingText="Cancelling…">
        Cancel the booking
      </SubmitButton>
    </form>
  );
}
