"use server";

import { formAction } from "@/server/actions/form-action";
import { createCase } from "@/server/services/cases/create-case";
import { createCaseInput } from "@/server/services/cases/create-case.types";
import type { FormState } from "@/ui/form/form-state";

const submitNewCase = formAction({
  permission: "case.create",
  schema: createCaseInput,
  fromForm: (form) => ({
    crn: form.text("crn"),
    firstName: form.text("firstName"),
    lastName: form.text("lastName"),
    dateOfBirth: form.text("dateOfBirth"),
    gender: form.text("gender"),
    ethnicity: form.text("ethnicity"),
    phone: form.text("phone"),
    region: form.text("region"),
    pdu: form.text("pdu"),
    orderType: form.text("orderType"),
    managedBy: form.text("managedBy"),
    sentenceDate: form.text("sentenceDate"),
    court: form.text("court"),
    practitionerName: form.text("practitionerName"),
    hoursOrdered: form.number("hoursOrdered"),
    operationalPeriodEndsOn: form.text("operationalPeriodEndsOn"),
    supervisionPeriodEndsOn: form.text("supervisionPeriodEndsOn"),
    orderRelation: form.text("orderRelation"),
    relatedCaseId: form.text("orderRelation") ? form.text("relatedCaseId") : undefined,
  }),
  messages: {
    crn: "Enter the CRN as one capital letter then six digits, for example X123456",
    firstName: "Enter the first name",
    lastName: "Enter the last name",
    dateOfBirth: "Enter the date of birth",
    gender: "Choose the person's gender",
    orderType: "Choose the type of order",
    managedBy: "Choose who manages the case",
    sentenceDate: "Enter the date of sentence",
    court: "Enter the sentencing court",
    hoursOrdered: "Enter the hours ordered as a whole number, for example 120",
    orderRelation: "Choose how this order runs with the person's other order",
    relatedCaseId: "Choose the order this one runs with",
  },
  run: (user, input) => createCase(user, input),
  onSuccess: (created) => ({
    redirectTo: `/cases/${created.id}`,
    notice: `Case ${created.crn} created. Complete the assessment next, so that work can be allocated.`,
    revalidate: ["/cases", "/work-queue"],
  }),
});

export async function createCaseAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitNewCase(previous, form);
}
