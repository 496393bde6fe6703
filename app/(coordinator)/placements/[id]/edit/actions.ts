"use server";

import { formAction } from "@/server/actions/form-action";
import { updatePlacement } from "@/server/services/placements/update-placement";
import { updatePlacementInput } from "@/server/services/placements/update-placement.types";
import type { FormState } from "@/ui/form/form-state";

const submitEdit = formAction({
  permission: "placement.change",
  schema: updatePlacementInput,
  fromForm: (form) => ({
    placementId: form.text("placementId") ?? "",
    version: form.number("version"),
    name: form.text("name") ?? "",
    capacity: form.number("capacity"),
    features: form.list("features"),
    address: form.text("address") ?? null,
    postcode: form.text("postcode") ?? null,
    description: form.text("description") ?? null,
    whatToBring: form.text("whatToBring") ?? null,
    needsMinibus: form.boolean("needsMinibus"),
  }),
  messages: { name: "Enter the placement's name", capacity: "Enter the number of places as a whole number" },
  run: (user, input) => updatePlacement(user, input),
  onSuccess: (placement) => ({
    redirectTo: `/placements/${placement.id}`,
    notice: "Placement saved. Future bookings on it were checked again.",
    revalidate: [`/placements/${placement.id}`, "/placements"],
  }),
});

const submitOpenClose = formAction({
  permission: "placement.change",
  schema: updatePlacementInput,
  fromForm: (form) => ({
    placementId: form.text("placementId") ?? "",
    version: form.number("version"),
    active: form.text("active") === "true",
  }),
  run: (user, input) => updatePlacement(user, input),
  onSuccess: (placement) => ({
    redirectTo: `/placements/${placement.id}`,
    notice: placement.active
      ? "Placement reopened: sessions can be added again."
      : "Placement closed: no new sessions can be added. Sessions already planned stay until you stand them down.",
    revalidate: [`/placements/${placement.id}`, "/placements"],
  }),
});

export async function editPlacementAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitEdit(previous, form);
}
export async function openClosePlacementAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitOpenClose(previous, form);
}
