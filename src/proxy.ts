import { withAuth } from "next-auth/middleware";

// Guards page navigation only. Every server action and API route checks the user itself
// (src/server/auth), because an action is a public POST endpoint whatever the proxy does.
export default withAuth({ pages: { signIn: "/sign-in" } });

export const config = {
  // Everything except sign-in, NextAuth's own routes, the JSON API (bearer tokens; it
  // authenticates each request itself), health, static files and the offline worker.
  matcher: ["/((?!sign-in|api/auth|api/v1|api/health|_next/static|_next/image|favicon.ico|manifest.webmanifest|sw.js|icons/).*)"],
};
