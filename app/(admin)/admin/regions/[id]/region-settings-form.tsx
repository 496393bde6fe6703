"use client";

import { useActionState } from "react";
import { FormProblems, RadioGroup, SubmitButton, TextField, errorFor, initialFormState, valueFor } from "@/ui/form";
import { updateRegionSettingsAction } from "./actions";

type Region = {
  id: string;
  version: number;
  overSubscriptionPercent: number;
  maxPeoplePerSupervisor: number | null;
  autoEnforcement: boolean;
};

export function RegionSettingsForm({ region }: { region: Region }) {
  const [state, action] = useActionState(updateRegionSettingsAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="regionId" value={region.id} />
      <input type="hidden" name="version" value={region.version} />
      <TextField
        name="overSubscriptionPercent"
        label="Over-booking limit (%)"
        hint="Bookings on a session may reach its capacity times this percentage. The national rule is 120%."
        inputMode="numeric"
        width="5"
        error={errorFor(state, "overSubscriptionPercent")}
        defaultValue={valueFor(state, "overSubscriptionPercent", region.overSubscriptionPercent)}
      />
      <TextField
        name="maxPeoplePerSupervisor"
        label="Most people per supervisor (optional)"
        hint="Leave empty to use the national rule."
        inputMode="numeric"
        width="5"
        error={errorFor(state, "maxPeoplePerSupervisor")}
        defaultValue={valueFor(state, "maxPeoplePerSupervisor", region.maxPeoplePerSupervisor)}
      />
      <RadioGroup
        name="autoEnforcement"
        legend="Create warnings automatically when a failure is recorded?"
        inline
        error={errorFor(state, "autoEnforcement")}
        defaultValue={valueFor(state, "autoEnforcement", String(region.autoEnforcement))}
        choices={[
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]}
      />
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
