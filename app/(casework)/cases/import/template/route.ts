import { getSessionUser } from "@/server/auth/current-user";
import { IMPORT_COLUMNS } from "@/server/services/cases/import-cases.types";

// The CSV template: the header row (the fields of POST /api/v1/cases) and one example row.
const EXAMPLE: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  crn: "X123456",
  firstName: "Sam",
  lastName: "Example",
  dateOfBirth: "1990-03-27",
  gender: "MALE",
  ethnicity: "",
  phone: "",
  region: "",
  pdu: "",
  orderType: "COMMUNITY_ORDER",
  managedBy: "STANDALONE_UPW",
  sentenceDate: "2026-11-16",
  court: "Highbury Corner Magistrates' Court",
  practitionerName: "",
  hoursOrdered: "120",
  orderRelation: "",
  relatedSentenceDate: "",
};

export async function GET() {
  const user = await getSessionUser();
  if (!user) return new Response("Sign in to continue", { status: 401 });
  const csv = `${IMPORT_COLUMNS.join(",")}\r\n${IMPORT_COLUMNS.map((c) => EXAMPLE[c]).join(",")}\r\n`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="new-cases-template.csv"',
    },
  });
}
