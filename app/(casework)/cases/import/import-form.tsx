"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormProblems, SubmitButton, errorFor, initialFormState } from "@/ui/form";
import type { ImportReport } from "@/server/services/cases/import-cases.types";
import { importCasesAction } from "./actions";

export function ImportForm({ columnWords }: { columnWords: Record<string, string> }) {
  const [state, action] = useActionState(importCasesAction, initialFormState);
  const report = typeof state.data?.report === "string" ? (JSON.parse(state.data.report) as ImportReport) : null;
  const csv = typeof state.data?.csv === "string" ? state.data.csv : "";
  const fileError = errorFor(state, "file");

  if (report?.created) return <CreatedReport report={report} columnWords={columnWords} />;

  if (report) {
    const rejectedRows = new Set(report.rejected.map((r) => r.row)).size;
    return (
      <div key={state.submission}>
        <h2 className="text-2xl">What the check found</h2>
        <p>
          {report.rows} {report.rows === 1 ? "row" : "rows"} checked: {report.valid.length} can be created,{" "}
          {rejectedRows} {rejectedRows === 1 ? "was" : "were"} rejected. Nothing has been created yet.
        </p>
        <RejectedDownload report={report} />
        {report.rejected.length > 0 && (
          <table className="mb-8">
            <caption className="mb-2 text-left text-xl font-bold">Rejected rows</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((rejection) => (
                <tr key={`${rejection.row}-${rejection.field}`}>
                  <td>Row {rejection.row}</td>
                  <td>{columnWords[rejection.field] ?? rejection.field}</td>
                  <td>{rejection.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {report.valid.length > 0 ? (
          <form action={action} noValidate>
            <FormProblems state={state} />
            <input type="hidden" name="csv" value={csv} />
            <input type="hidden" name="commit" value="true" />
            <p>
              {report.rejected.length > 0
                ? "Either create the valid rows now and fix the rejected ones in a new file, or create none and upload a corrected file."
                : "Every row is valid."}
            </p>
            <SubmitButton pendingText="Creating the cases…">
              {report.rejected.length > 0
                ? `Create the ${report.valid.length} valid ${report.valid.length === 1 ? "case" : "cases"}`
                : `Create all ${report.valid.length} cases`}
            </SubmitButton>
          </form>
        ) : (
          <p>No row can be created. Correct the file and upload it again.</p>
        )}
        {/* A plain GET: the page loads afresh, so nothing from this file is kept. */}
        <form method="get" action="/cases/import">
          <button type="submit" className="button button-secondary">
            {report.valid.length > 0 ? "Create none and start again" : "Upload another file"}
          </button>
        </form>
      </div>
    );
  }

  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <div className={`mb-6 ${fileError ? "border-l-[5px] border-error pl-4" : ""}`}>
        <label htmlFor="file" className="label">
          CSV file of new cases
        </label>
        <div id="file-hint" className="hint">
          One row per case, with the template&apos;s header row. Nothing is created until you have seen the check.
        </div>
        {fileError && (
          <p id="file-error" className="error-message">
            <span className="sr-only">Error:</span> {fileError}
          </p>
        )}
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`file-hint${fileError ? " file-error" : ""}`}
          className="block py-2"
        />
      </div>
      <SubmitButton pendingText="Checking the file…">Check the file</SubmitButton>
    </form>
  );
}

/** The rejected rows as a CSV to correct and upload again (UTF-8 with a byte-order mark, so Excel shows "Zoë"). */
function RejectedDownload({ report }: { report: ImportReport }) {
  if (!report.rejectedCsv) return null;
  return (
    <p>
      <a
        href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${report.rejectedCsv}`)}`}
        download="rejected-rows.csv"
        className="inline-block min-h-11 py-2"
      >
        Download the rejected rows as CSV
      </a>{" "}
      (each with a &ldquo;problems&rdquo; column)
    </p>
  );
}

function CreatedReport({ report, columnWords }: { report: ImportReport; columnWords: Record<string, string> }) {
  const rejectedRows = new Set(report.rejected.map((r) => r.row)).size;
  return (
    <div>
      <h2 className="text-2xl">
        {report.valid.length} {report.valid.length === 1 ? "case" : "cases"} created
      </h2>
      <p>
        Complete each assessment next.
        {rejectedRows > 0 && ` ${rejectedRows} rejected ${rejectedRows === 1 ? "row was" : "rows were"} left out.`}
      </p>
      <ul className="mb-6">
        {report.valid.map((created) => (
          <li key={created.row}>
            {created.caseId ? <Link href={`/cases/${created.caseId}`}>{created.name}</Link> : created.name}, CRN{" "}
            {created.crn}
          </li>
        ))}
      </ul>
      <RejectedDownload report={report} />
      {report.rejected.length > 0 && (
        <ul className="mb-6">
          {report.rejected.map((rejection) => (
            <li key={`${rejection.row}-${rejection.field}`}>
              Row {rejection.row}, {columnWords[rejection.field] ?? rejection.field}: {rejection.message}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/cases">Go to the case list</Link>
      </p>
      {/* A plain GET: the page loads afresh, so nothing from this file is kept. */}
      <form method="get" action="/cases/import">
        <button type="submit" className="button button-secondary">
          Import another file
        </button>
      </form>
    </div>
  );
}
