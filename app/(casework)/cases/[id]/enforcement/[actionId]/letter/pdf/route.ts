import { z } from "zod";
import { formatDate } from "@/domain";
import { can } from "@/server/auth/access";
import { getSessionUser } from "@/server/auth/current-user";
import { warningLetterPdf } from "@/server/documents/warning-letter-pdf";
import { findWarningLetter } from "@/server/queries/warning-letter";

// R9: the warning letter as a PDF (same words as the page). Outside the caller's reach: 404.
// A withdrawn warning's letter is void: no PDF is made for it.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; actionId: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to continue", { status: 401 });
  if (!can(user, "case.read")) return new Response("Not found", { status: 404 });
  const { id, actionId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(actionId).success)
    return new Response("Not found", { status: 404 });
  const found = await findWarningLetter(user, id, actionId);
  if (!found) return new Response("Not found", { status: 404 });
  if (found.void) return new Response("This warning was withdrawn, so its letter is void.", { status: 410 });
  const pdf = await warningLetterPdf({
    letter: found.letter,
    personName: found.personName,
    regionName: found.regionName,
    dateWords: formatDate(found.warningDate),
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="warning-letter-${found.warningDate}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
