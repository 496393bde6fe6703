import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { IMPORT_COLUMNS, REQUIRED_COLUMNS } from "@/server/services/cases/import-cases.types";
import { PageHeading } from "@/ui/page-heading";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import new cases" };

/** What each template column holds, in plain words (also used in the report of rejected rows). */
const COLUMN_WORDS: Record<string, string> = {
  crn: "CRN",
  firstName: "First name",
  lastName: "Last name",
  dateOfBirth: "Date of birth",
  gender: "Gender",
  ethnicity: "Ethnicity",
  phone: "Phone",
  region: "Region",
  pdu: "PDU",
  orderType: "Order type",
  managedBy: "Managed by",
  sentenceDate: "Sentence date",
  court: "Court",
  practitionerName: "Probation practitioner",
  hoursOrdered: "Hours ordered",
  orderRelation: "How it runs with the person's other case",
  relatedSentenceDate: "Sentence date of that other case",
  row: "Whole row",
};

const COLUMN_HELP: Record<string, string> = {
  crn: "one capital letter then six digits, for example X123456",
  dateOfBirth: "YYYY-MM-DD",
  gender: "MALE, FEMALE or OTHER",
  region: "your region's code; leave blank for your own region",
  pdu: "the PDU's code, optional",
  orderType: "COMMUNITY_ORDER or SUSPENDED_SENTENCE_ORDER",
  managedBy: "STANDALONE_UPW (unpaid work team) or SENTENCE_MANAGEMENT (probation practitioner)",
  sentenceDate: "YYYY-MM-DD, not in the future",
  hoursOrdered: "whole hours from 40 to 300",
  orderRelation:
    "CONCURRENT (at the same time) or CONSECUTIVE (after it) when the court directed how this order runs with another of the person's; leave blank otherwise",
  relatedSentenceDate: "YYYY-MM-DD; may be left blank when the person has only one other case (the CRN finds it)",
};

export default async function ImportCasesPage() {
  await requirePageUser("case.create");
  return (
    <>
      <p className="mb-6">
        <Link href="/cases">Back to cases</Link>
      </p>
      <PageHeading caption="Take in new cases">Import new cases from a file</PageHeading>
      <p className="max-w-3xl">
        Each row is checked with the same rules as the new case form. You then see which rows would be rejected and why,
        and choose whether to create the valid rows (all together) or none.
      </p>
      <p>
        <a href="/cases/import/template" download="new-cases-template.csv">
          Download the template (CSV)
        </a>
      </p>
      <details className="mb-8 max-w-3xl">
        <summary className="cursor-pointer">The template&apos;s columns</summary>
        <ul className="mt-2 list-disc pl-6">
          {IMPORT_COLUMNS.map((column) => (
            <li key={column}>
              <code>{column}</code>: {COLUMN_WORDS[column]}
              {COLUMN_HELP[column] ? `, ${COLUMN_HELP[column]}` : ""}
              {REQUIRED_COLUMNS.includes(column) ? "" : " (optional)"}
            </li>
          ))}
        </ul>
      </details>
      <ImportForm columnWords={COLUMN_WORDS} />
    </>
  );
}
