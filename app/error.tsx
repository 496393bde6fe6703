"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="width-container">
      <main id="main-content" tabIndex={-1} className="py-10 outline-none">
        <h1>Sorry, there is a problem with the service</h1>
        <p>
          Try again. If it keeps happening, tell the service desk and give them this reference: {error.digest ?? "none"}
          .
        </p>
        <p>Nothing you saved before this happened has been lost.</p>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>
      </main>
    </div>
  );
}
