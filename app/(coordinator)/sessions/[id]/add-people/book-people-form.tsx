"use client";

import { useActionState, type ReactNode } from "react";
import { FormProblems, SubmitButton, initialFormState } from "@/ui/form";
import { bookPeopleAction } from "./actions";

/** The people listed (rendered on the server as `children`, each with a tick box) booked in one go. */
export function BookPeopleForm({
  sessionId,
  children,
  canSubmit,
}: {
  sessionId: string;
  children: ReactNode;
  canSubmit: boolean;
}) {
  const [state, action] = useActionState(bookPeopleAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {children}
      {canSubmit && <SubmitButton pendingText="Booking…">Book the people chosen</SubmitButton>}
    </form>
  );
}
