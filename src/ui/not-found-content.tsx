/** The body of the "Page not found" page, shared by the root and the signed-in route groups. */
export function NotFoundContent() {
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you followed a link to a case or session, it may be in another region, restricted, or no longer exist.</p>
      <p>
        {/* A plain link: this part is in every route's bundle, and next/link's router code is kept off the supervisor's phone (main-nav.tsx). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to your home page</a>
      </p>
    </>
  );
}
