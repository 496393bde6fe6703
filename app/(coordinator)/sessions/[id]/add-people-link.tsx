import Link from "next/link";

/** "Add people" on a session's roster page (kept in its own file: the page is shared work). */
export function AddPeopleLink({ sessionId, status }: { sessionId: string; status: string }) {
  if (status === "CANCELLED" || status === "STOOD_DOWN") return null;
  return (
    <p className="mb-6">
      <Link href={`/sessions/${sessionId}/add-people`} className="button button-secondary no-underline">
        Add people
      </Link>
    </p>
  );
}
