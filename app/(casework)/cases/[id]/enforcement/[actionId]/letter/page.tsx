import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDate } from "@/domain";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { findWarningLetter } from "@/server/queries/warning-letter";
import { PrintButton } from "@/ui/print-button";

export const metadata: Metadata = { title: "Warning letter" };

// R9: the printable formal warning (words from the domain's warningLetter; the PDF prints the same).
export default async function WarningLetterPage({ params }: { params: Promise<{ id: string; actionId: string }> }) {
  const user = await requirePageUser("case.read");
  const { id, actionId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(actionId).success) notFound();
  const found = await orNotFound(findWarningLetter(user, id, actionId));
  const { letter } = found;

  return (
    <div className="printable-letter">
      <div className="no-print mb-8 flex flex-wrap items-center gap-6">
        <Link href={`/cases/${id}`}>Back to {found.personName}</Link>
        {!found.void && <PrintButton>Print the letter</PrintButton>}
        {!found.void && <a href={`/cases/${id}/enforcement/${actionId}/letter/pdf`}>Download the letter as a PDF</a>}
      </div>
      {found.void && (
        <div className="mb-8 border-l-4 border-error pl-4" role="note">
          <p className="font-bold">This warning was withdrawn, so this letter is void. Do not send it.</p>
          <p>Reason: {found.withdrawalReason ?? "not recorded"}</p>
        </div>
      )}
      <article aria-labelledby="letter-title" className="max-w-2xl">
        <p className="mb-8">
          Probation Service, {found.regionName}
          <br />
          {formatDate(found.warningDate)}
        </p>
        <p>
          {letter.addressBlock.map((line, index) => (
            <span key={`${index}-${line}`}>
              {line}
              <br />
            </span>
          ))}
        </p>
        <h1 id="letter-title" className="text-3xl">
          {letter.title}
        </h1>
        <p>Dear {found.personName},</p>
        {letter.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p>
          Keep to the instructions you are given, and if you cannot attend a session, tell us before it starts and show
          us evidence of the reason.
        </p>
        {letter.signOff.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p className="mt-10">Signed on behalf of the Probation Service</p>
      </article>
    </div>
  );
}
