"use server";

import { formAction } from "@/server/actions/form-action";
import { createPlacement } from "@/server/services/placements/create-placement";
import { createPlacementInput } from "@/server/services/placements/create-placement.types";
import type { FormState } from "@/ui/form/form-state";

const submitPlacement = formAction({
  permission: "placement.create",
  schema: createPlacementInput,
  fromForm: (form) => ({
    name: form.text("name") ?? "",
    type: form.text("type"),
    region: form.text("region") ?? "",
    pdu: form.text("pdu") ?? null,
    capacity: form.number("capacity"),
    features: form.list("features"),
    beneficiary: form.text("beneficiary") ?? null,
    beneficiaryKind: form.text("beneficiaryKind") ?? null,
    address: form.text("address") ?? null,
    postcode: form.text("postcode") ?? null,
    description: form.text("description") ?? null,
    whatToBring: form.text("whatToBring") ?? null,
    needsMinibus: form.boolean("needsMinibus"),
  }),
  messages: {
    name: "Enter the placement's name",
    type: "Choose the type of placement",
    capacity: "Enter how many people can work there at once, as a whole number",
  },
  run: (user, input) => createPlacement(user, input),
  onSuccess: (placement) => ({
    redirectTo: `/placements/${placement.id}`,
    notice: `Placement ${placement.name} added. Add its sessions next.`,
    revalidate: ["/placements"],
  }),
});

export async function createPlacementAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitPlacement(previous, form);
}
