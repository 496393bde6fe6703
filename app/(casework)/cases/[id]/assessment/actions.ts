"use server";

import { DAY_PARTS, WEEKDAY_KEYS } from "@/domain";
import { formAction, type FormReader } from "@/server/actions/form-action";
import { saveAssessment } from "@/server/services/cases/save-assessment";
import { saveAssessmentInput } from "@/server/services/cases/save-assessment.types";
import type { FormState } from "@/ui/form/form-state";

/** Availability ticks (one checkbox group per day, `availability-MON` = ["AM", "PM"]) as the service's record; none ticked → cleared. */
function availabilityFrom(form: FormReader) {
  const availability: Record<string, string[]> = {};
  for (const day of WEEKDAY_KEYS) {
    const parts = form.list(`availability-${day}`);
    if (parts.length > 0) availability[day] = DAY_PARTS.filter((part) => parts.includes(part));
  }
  return Object.keys(availability).length > 0 ? availability : null;
}

const submitAssessment = formAction({
  permission: "case.assess",
  schema: saveAssessmentInput,
  fromForm: (form) => ({
    caseId: form.text("caseId") ?? "",
    version: form.number("version"),
    rosh: form.text("rosh"),
    mappaCategory: form.number("mappaCategory") ?? null,
    mappaLevel: form.number("mappaLevel") ?? null,
    riskCodes: form.list("riskCodes"),
    healthNotes: form.text("healthNotes") ?? null,
    adjustments: form.text("adjustments") ?? null,
    skills: form.text("skills") ?? null,
    availability: availabilityFrom(form),
    caringDuties: form.text("caringDuties") ?? null,
    employment: form.text("employment") ?? null,
    religiousObservance: form.text("religiousObservance") ?? null,
    eteEligible: form.yesNo("eteEligible"),
    eteReason: form.yesNo("eteEligible") ? (form.text("eteReason") ?? null) : null,
    womenOnlyPreference: form.boolean("womenOnlyPreference"),
    notes: form.text("notes") ?? null,
    complete: form.boolean("complete"),
  }),
  fieldNames: { version: "main-content", availability: "availability-MON" },
  messages: {
    rosh: "Choose the risk of serious harm (RoSH) level",
    mappaCategory: "Choose the MAPPA category, or 'Not managed under MAPPA'",
    mappaLevel: "Choose the MAPPA level, or 'No level recorded'",
    eteEligible: "Choose whether the person is eligible for ETE",
    eteReason: "Choose why the person is eligible for ETE",
  },
  run: (user, input) => saveAssessment(user, input),
  onSuccess: (saved) => ({
    redirectTo: `/cases/${saved.id}`,
    notice: saved.assessmentComplete
      ? "Assessment saved and complete. Work sessions can now be allocated."
      : "Assessment saved. It is not complete yet, so work sessions cannot be allocated.",
    revalidate: [`/cases/${saved.id}`, "/work-queue"],
  }),
});

export async function saveAssessmentAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitAssessment(previous, form);
}
