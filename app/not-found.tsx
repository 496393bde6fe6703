import Link from "next/link";

export default function NotFound() {
  return (
    <div className="width-container">
      <main id="main-content" tabIndex={-1} className="py-10 outline-none">
        <h1>Page not found</h1>
        <p>If you typed the web address, check it is correct.</p>
        <p>If you followed a link to a case or session, it may be in another region, restricted, or no longer exist.</p>
        <p>
          <Link href="/">Go to your home page</Link>
        </p>
      </main>
    </div>
  );
}
