"use server";

import { formAction } from "@/server/actions/form-action";
import { addRiskCode } from "@/server/services/risk-codes/add-risk-code";
import {
  addRiskCodeInput,
  setRiskCodeActiveInput,
  updateRiskCodeInput,
} from "@/server/services/risk-codes/risk-codes.types";
import { setRiskCodeActive } from "@/server/services/risk-codes/set-risk-code-active";
import { updateRiskCode } from "@/server/services/risk-codes/update-risk-code";
import type { FormState } from "@/ui/form/form-state";

const messages = {
  code: "Enter the code, for example RC",
  title: "Enter a title, for example Risk to children",
  guidance: "Enter the guidance a supervisor reads, in plain words",
  conflictsWith: "Choose features from the list",
};

const submitNew = formAction({
  permission: "admin.reference",
  schema: addRiskCodeInput,
  fromForm: (form) => ({
    code: form.text("code") ?? "",
    title: form.text("title") ?? "",
    guidance: form.text("guidance") ?? "",
    conflictsWith: form.list("conflictsWith"),
  }),
  fieldNames: { "conflictsWith.0": "conflictsWith" },
  messages,
  run: (user, input) => addRiskCode(user, input),
  onSuccess: (code) => ({
    redirectTo: "/admin/risk-codes",
    revalidate: ["/admin/risk-codes"],
    notice: `Risk code ${code.code} added. Officers can record it from now on.`,
  }),
});

export async function addRiskCodeAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitNew(previous, form);
}

const submitChange = formAction({
  permission: "admin.reference",
  schema: updateRiskCodeInput,
  fromForm: (form) => ({
    riskCodeId: form.text("riskCodeId") ?? "",
    version: form.number("version"),
    title: form.text("title") ?? "",
    guidance: form.text("guidance") ?? "",
    conflictsWith: form.list("conflictsWith"),
  }),
  fieldNames: { "conflictsWith.0": "conflictsWith" },
  messages,
  run: (user, input) => updateRiskCode(user, input),
  onSuccess: (code) => ({
    redirectTo: "/admin/risk-codes",
    revalidate: ["/admin/risk-codes"],
    notice: `Risk code ${code.code} saved. Assessments already recorded keep the meaning they were recorded with.`,
  }),
});

export async function updateRiskCodeAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitChange(previous, form);
}

const submitActive = formAction({
  permission: "admin.reference",
  schema: setRiskCodeActiveInput,
  fromForm: (form) => ({
    riskCodeId: form.text("riskCodeId") ?? "",
    version: form.number("version"),
    active: form.text("active") === "true",
  }),
  run: (user, input) => setRiskCodeActive(user, input),
  onSuccess: (code) => ({
    redirectTo: "/admin/risk-codes",
    revalidate: ["/admin/risk-codes"],
    notice: code.active
      ? `Risk code ${code.code} restored.`
      : `Risk code ${code.code} retired. Assessments that have it keep it.`,
  }),
});

export async function setRiskCodeActiveAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitActive(previous, form);
}
