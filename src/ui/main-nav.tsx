"use client";

// Plain links, not next/link: every section is a fresh page load, which keeps next/link's client
// router code off the supervisor's phone (the roster's 150 kB JavaScript budget, issue 5).
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav";

/** The role's navigation, marking the current section with aria-current. */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="bg-ink">
      <ul className="width-container flex flex-wrap gap-x-6 gap-y-1 pb-3">
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <a
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`focusable inline-block min-h-11 py-2 font-bold text-white no-underline hover:text-white hover:underline ${current ? "border-b-4 border-white" : ""}`}
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
