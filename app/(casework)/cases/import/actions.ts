"use server";

import { formAction } from "@/server/actions/form-action";
import { importCases } from "@/server/services/cases/import-cases";
import { importCasesInput } from "@/server/services/cases/import-cases.types";
import type { FormState } from "@/ui/form/form-state";

// CSV import: the first submission checks the file (nothing is created) and shows the report;
// the second, when the user chooses "create the valid rows", creates them all in one transaction.

const submitImport = formAction({
  permission: "case.create",
  schema: importCasesInput,
  fromForm: (form) => ({ csv: form.text("csv") ?? "", commit: form.boolean("commit") }),
  fieldNames: { csv: "file", commit: "file" },
  messages: { file: "Choose a CSV file to upload" },
  run: (user, input) => importCases(user, input),
  // After creating, the page stays on the report: it links each created case (issue 13).
  onSuccess: (report, input) => ({
    data: { report: JSON.stringify(report), ...(input.commit ? {} : { csv: input.csv }) },
    ...(input.commit ? { revalidate: ["/cases", "/work-queue"] } : {}),
  }),
});

export async function importCasesAction(previous: FormState, form: FormData): Promise<FormState> {
  // The uploaded file travels on as its text, so the service reads what the user chose.
  const file = form.get("file");
  if (file instanceof File && file.size > 0) form.set("csv", await file.text());
  form.delete("file");
  return submitImport(previous, form);
}
