import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Community Payback", template: "%s – Community Payback" },
  description: "Case management for unpaid work in the Probation Service",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b0c0c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy's nonce (proxy.ts) is new
  // each time, and a page built ahead of time would carry scripts without it.
  await connection();
  return (
    <html lang="en-GB">
      <body>
        <a
          href="#main-content"
          className="skip-link focusable absolute -top-20 left-0 z-50 bg-focus p-3 text-ink focus:top-0"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
