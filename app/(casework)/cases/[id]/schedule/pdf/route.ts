import { z } from "zod";
import { can } from "@/server/auth/access";
import { getSessionUser } from "@/server/auth/current-user";
import { schedulePdf } from "@/server/documents/schedule-pdf";
import { loadPersonSchedule } from "@/server/queries/person-schedule";
import { formatHoursAndMinutes } from "@/ui/format";

// A person's schedule as a PDF (same words as the page). Outside the caller's reach: 404.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to continue", { status: 401 });
  if (!can(user, "case.read")) return new Response("Not found", { status: 404 });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return new Response("Not found", { status: 404 });
  const schedule = await loadPersonSchedule(user, id.data);
  if (!schedule) return new Response("Not found", { status: 404 });
  const pdf = await schedulePdf({ ...schedule, outstandingWords: formatHoursAndMinutes(schedule.outstandingMinutes) });
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="schedule-${schedule.person.crn}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
