"use client";

// Plain links, not next/link: every section is a fresh page load, which keeps next/link's client
// router code off the supervisor's phone (the roster's 150 kB JavaScript budget, issue 5). The
// supervisor's app does not use this island at all: its layout renders NavList on the server.
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav";
import { NavList } from "./nav-list";

/** The role's navigation, marking the current section (from the browser's address) with aria-current. */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return <NavList items={items} current={(href) => pathname === href || pathname.startsWith(`${href}/`)} />;
}
