import { z } from "zod";
import { can } from "@/server/auth/access";
import { getSessionUser } from "@/server/auth/current-user";
import { workInstructionPdf } from "@/server/documents/work-instruction-pdf";
import { loadWorkInstruction } from "@/server/queries/work-instruction";

// The work instruction as a PDF (same words as the page). Outside the caller's reach: 404.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to continue", { status: 401 });
  if (!can(user, "case.read")) return new Response("Not found", { status: 404 });
  const id = z.uuid().safeParse((await params).id);
  const allocation = z.uuid().safeParse(new URL(request.url).searchParams.get("allocation"));
  if (!id.success || !allocation.success) return new Response("Not found", { status: 404 });
  const loaded = await loadWorkInstruction(user, id.data, allocation.data);
  if (!loaded) return new Response("Not found", { status: 404 });
  const pdf = await workInstructionPdf(loaded.instruction);
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="work-instruction-${loaded.date}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
