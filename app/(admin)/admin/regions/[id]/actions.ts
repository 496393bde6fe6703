"use server";

import { formAction } from "@/server/actions/form-action";
import { updateRegionSettings } from "@/server/services/regions/update-region-settings";
import { updateRegionSettingsInput } from "@/server/services/regions/update-region-settings.types";
import type { FormState } from "@/ui/form/form-state";

const submitSettings = formAction({
  permission: "admin.reference",
  schema: updateRegionSettingsInput,
  fromForm: (form) => ({
    regionId: form.text("regionId") ?? "",
    version: form.number("version"),
    overSubscriptionPercent: form.number("overSubscriptionPercent"),
    maxPeoplePerSupervisor: form.number("maxPeoplePerSupervisor") ?? null,
    autoEnforcement: form.text("autoEnforcement") === "true",
  }),
  messages: {
    overSubscriptionPercent: "Enter the over-booking limit as a whole percentage, for example 120",
    maxPeoplePerSupervisor: "Enter the number of people as a whole number, or leave it empty for the national rule",
  },
  run: (user, input) => updateRegionSettings(user, input),
  onSuccess: (region) => ({
    redirectTo: "/admin/regions",
    notice: `${region.name}'s settings saved.`,
    revalidate: ["/admin/regions"],
  }),
});

export async function updateRegionSettingsAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitSettings(previous, form);
}
