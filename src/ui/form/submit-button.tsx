"use client";

import { useFormStatus } from "react-dom";

/** The form's main button; says what is happening while the server works, and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingText = "Saving…",
  variant = "primary",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: "primary" | "secondary" | "warning";
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const style =
    variant === "primary" ? "button" : variant === "secondary" ? "button button-secondary" : "button button-warning";
  return (
    <button type="submit" className={style} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? pendingText : children}
    </button>
  );
}
