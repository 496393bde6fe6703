import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { formatDate, policyOn, warningLetter } from "@/domain";
import type { AttendanceOutcome } from "@/generated/prisma/enums";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { findWarningLetter } from "@/server/queries/case-forms";
import { PrintButton } from "@/ui/print-button";

export const metadata: Metadata = { title: "Warning letter" };

// What the failure was, in the person's terms (the letter is for them, not for staff).
const FAILURE_IN_WORDS: Partial<Record<AttendanceOutcome, string>> = {
  ATTENDED_FAILED_TO_COMPLY: "you came to your work session but did not work as instructed (for example, you refused work, made poor effort or broke the rules).",
  ATTENDED_SENT_HOME_BEHAVIOUR: "you were sent home from your work session because of your behaviour.",
  UNACCEPTABLE_ABSENCE: "you did not come to your work session and did not give an acceptable reason.",
  ACCEPTABLE_ABSENCE: "you did not come to your work session, and the reason you gave was not accepted.",
};

// R9: the printable formal warning (words from the domain's warningLetter).
export default async function WarningLetterPage({ params }: { params: Promise<{ id: string; actionId: string }> }) {
  const user = await requirePageUser("case.read");
  const { id, actionId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(actionId).success) notFound();
  const letter = await orNotFound(findWarningLetter(user, id, actionId));
  const description =
    (letter.failure && FAILURE_IN_WORDS[letter.failure.outcome]) ??
    letter.note ??
    "you did not keep to the instructions of your unpaid work requirement.";
  const words = warningLetter(
    {
      personName: letter.personName,
      crn: letter.crn,
      warningDate: letter.warningDate,
      failureDate: letter.failure?.date ?? null,
      failureDescription: description,
    },
    policyOn(letter.warningDate),
  );

  return (
    <div className="printable-letter">
      <div className="no-print mb-8 flex flex-wrap items-center gap-6">
        <Link href={`/cases/${id}`}>Back to {letter.personName}</Link>
        <PrintButton>Print the letter</PrintButton>
      </div>
      <article aria-labelledby="letter-title" className="max-w-2xl">
        <p className="mb-8">
          Probation Service, {letter.regionName}
          <br />
          {formatDate(letter.warningDate)}
        </p>
        <p>
          {letter.personName}
          <br />
          Case reference {letter.crn}
        </p>
        <h1 id="letter-title" className="text-3xl">
          {words.title}
        </h1>
        <p>Dear {letter.personName},</p>
        {words.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p>
          Your order was made by {letter.court} on {formatDate(letter.sentenceDate)}. It requires you to do {letter.hoursOrdered} hours of unpaid work.
          Keep to the instructions you are given, and if you cannot attend a session, tell us before it starts and show us evidence of the reason.
        </p>
        <p>If you have questions about this letter, speak to your probation practitioner or the unpaid work team.</p>
        <p className="mt-10">Signed on behalf of the Probation Service</p>
      </article>
    </div>
  );
}
