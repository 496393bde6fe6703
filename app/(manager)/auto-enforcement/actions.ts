"use server";

import { formAction } from "@/server/actions/form-action";
import { setAutoEnforcement, setAutoEnforcementInput } from "@/server/services/regions/set-auto-enforcement";
import type { FormState } from "@/ui/form/form-state";

const submit = formAction({
  permission: "region.autoEnforcement",
  schema: setAutoEnforcementInput,
  fromForm: (form) => ({
    on: form.text("on") === "true" ? true : form.text("on") === "false" ? false : undefined,
    version: form.number("version"),
  }),
  fieldNames: { version: "main-content" },
  messages: { on: "Choose on or off" },
  run: (user, input) => setAutoEnforcement(user, input),
  onSuccess: (result) => ({
    redirectTo: "/dashboard",
    notice: `Auto-enforcement is now ${result.autoEnforcement ? "on" : "off"} for your region.`,
    revalidate: ["/dashboard", "/auto-enforcement"],
  }),
});

export async function setAutoEnforcementAction(previous: FormState, form: FormData): Promise<FormState> {
  return submit(previous, form);
}
