"use client";

/** Opens the browser's print dialogue (for letters and other printable pages); hidden when printed. */
export function PrintButton({ children = "Print this page" }: { children?: React.ReactNode }) {
  return (
    <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
      {children}
    </button>
  );
}
