"use client";

import { useEffect, useRef } from "react";

export type FieldError = { field: string; message: string };

/**
 * GOV.UK error summary: a list of links to the fields with errors, focused when it appears so
 * screen reader and keyboard users hear about the problem at once.
 */
export function ErrorSummary({ errors, title = "There is a problem" }: { errors: FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      role="alert"
      className="mb-8 border-[5px] border-error p-4 outline-none focus:outline-[3px] focus:outline-focus"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title" className="mb-3 text-2xl">
        {title}
      </h2>
      <ul className="m-0 list-none p-0">
        {errors.map((error) => (
          <li key={`${error.field}-${error.message}`} className="mb-1">
            <a href={`#${error.field}`} className="font-bold text-error">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
