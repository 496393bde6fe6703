/**
 * A wide table that scrolls sideways on a small screen. Focusable and labelled so keyboard
 * users can scroll it too (WCAG 2.1.1, 1.4.10).
 */
export function TableRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div
      className="mb-8 overflow-x-auto focus:outline-[3px] focus:outline-focus"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}
