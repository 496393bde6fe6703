"use client";

/** Opens the browser's print dialogue (the page's print styles hide navigation). */
export function PrintButton({ children = "Print" }: { children?: React.ReactNode }) {
  return (
    <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
      {children}
    </button>
  );
}
