import Link from "next/link";

/** The body of the "Page not found" page, shared by the root and the signed-in route groups. */
export function NotFoundContent() {
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you followed a link to a case or session, it may be in another region, restricted, or no longer exist.</p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
