import type { NavItem } from "./nav";

/**
 * The role's navigation, with the current section marked by aria-current. Rendered on the server
 * where the layout knows the section (the supervisor's app: every page is under "My sessions"),
 * and by main-nav.tsx in the browser elsewhere.
 */
export function NavList({ items, current }: { items: NavItem[]; current: (href: string) => boolean }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Main" className="bg-ink">
      <ul className="width-container flex flex-wrap gap-x-6 gap-y-1 pb-3">
        {items.map((item) => {
          const here = current(item.href);
          return (
            <li key={item.href}>
              <a
                href={item.href}
                aria-current={here ? "page" : undefined}
                className={`focusable inline-block min-h-11 py-2 font-bold text-white no-underline hover:text-white hover:underline ${here ? "border-b-4 border-white" : ""}`}
              >
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
