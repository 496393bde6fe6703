"use client";

import { useActionState } from "react";
import {
  Checkbox,
  FormProblems,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  TimeField,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { cancelSessionAction, changeSessionAction, standDownSessionAction } from "./actions";

type Session = {
  id: string;
  version: number;
  startTime: string;
  endTime: string;
  supervisorId: string | null;
  capacity: number;
};

export function ChangeSessionForm({
  session,
  supervisors,
}: {
  session: Session;
  supervisors: { value: string; label: string }[];
}) {
  const [state, action] = useActionState(changeSessionAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="version" value={session.version} />
      <TimeField
        name="startTime"
        label="Start time"
        error={errorFor(state, "startTime")}
        defaultValue={valueFor(state, "startTime", session.startTime)}
      />
      <TimeField
        name="endTime"
        label="End time"
        error={errorFor(state, "endTime")}
        defaultValue={valueFor(state, "endTime", session.endTime)}
      />
      <SelectField
        name="supervisorId"
        label="Supervisor"
        placeholder="No supervisor yet"
        options={supervisors}
        error={errorFor(state, "supervisorId")}
        defaultValue={valueFor(state, "supervisorId", session.supervisorId ?? "")}
      />
      <TextField
        name="capacity"
        label="Places"
        inputMode="numeric"
        width="3"
        error={errorFor(state, "capacity")}
        defaultValue={valueFor(state, "capacity", String(session.capacity))}
      />
      <Checkbox
        name="consentRecorded"
        label="The only woman in the group has agreed to work with a male supervisor"
        hint="Only needed when the new supervisor would leave one woman among men. It is recorded on her booking."
        error={errorFor(state, "consentRecorded")}
        defaultChecked={valueFor(state, "consentRecorded") === "on"}
      />
      <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
    </form>
  );
}

export function StandDownForm({ session }: { session: Session }) {
  const [state, action] = useActionState(standDownSessionAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="version" value={session.version} />
      <RadioGroup
        name="reason"
        legend="Why is the session stood down?"
        error={errorFor(state, "reason")}
        defaultValue={valueFor(state, "reason")}
        choices={[
          { value: "WEATHER", label: "Weather" },
          { value: "NO_SUPERVISOR", label: "No supervisor available" },
          { value: "OVERSUBSCRIBED", label: "Too many people booked" },
          { value: "OTHER", label: "Another reason (say in the note)" },
        ]}
      />
      <TextArea
        name="note"
        label="Note (optional)"
        rows={2}
        error={errorFor(state, "note")}
        defaultValue={valueFor(state, "note")}
      />
      <SubmitButton variant="warning" pendingText="Standing down…">
        Stand the session down
      </SubmitButton>
    </form>
  );
}

export function CancelSessionForm({ session }: { session: Session }) {
  const [state, action] = useActionState(cancelSessionAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="sessionId" value={session.id} />
      <input type="hidden" name="version" value={session.version} />
      <TextArea
        name="cancelReason"
        label="Why is the session cancelled?"
        rows={2}
        error={errorFor(state, "cancelReason")}
        defaultValue={valueFor(state, "cancelReason")}
      />
      <SubmitButton variant="warning" pendingText="Cancelling…">
        Cancel the session
      </SubmitButton>
    </form>
  );
}
