"use client";

import { useActionState } from "react";
import {
  Checkbox,
  CheckboxGroup,
  FormProblems,
  SubmitButton,
  TextArea,
  TextField,
  checkedFor,
  errorFor,
  initialFormState,
  valueFor,
  valuesFor,
} from "@/ui/form";
import { PLACEMENT_FEATURE_LABEL } from "@/ui/labels";
import { editPlacementAction, openClosePlacementAction } from "./actions";

type Placement = {
  id: string;
  version: number;
  name: string;
  capacity: number;
  features: string[];
  address: string | null;
  postcode: string | null;
  description: string | null;
  whatToBring: string | null;
  needsMinibus: boolean;
  active: boolean;
};

export function EditPlacementForm({ placement }: { placement: Placement }) {
  const [state, action] = useActionState(editPlacementAction, initialFormState);
  const text = (name: "name" | "address" | "postcode" | "description" | "whatToBring") => ({
    name,
    error: errorFor(state, name),
    defaultValue: valueFor(state, name, placement[name] ?? ""),
  });
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="placementId" value={placement.id} />
      <input type="hidden" name="version" value={placement.version} />
      <TextField {...text("name")} label="Name" />
      <TextField {...text("address")} label="Address (optional)" />
      <TextField {...text("postcode")} label="Postcode (optional)" width="10" autoComplete="off" />
      <TextField
        name="capacity"
        label="Places"
        inputMode="numeric"
        width="3"
        error={errorFor(state, "capacity")}
        defaultValue={valueFor(state, "capacity", String(placement.capacity))}
      />
      <CheckboxGroup
        name="features"
        legend="What the site involves"
        hint="Changing these checks every future booking on the placement again"
        error={errorFor(state, "features")}
        defaultValues={valuesFor(state, "features", placement.features)}
        choices={Object.entries(PLACEMENT_FEATURE_LABEL).map(([value, label]) => ({ value, label }))}
      />
      <Checkbox
        name="needsMinibus"
        label="Needs the minibus"
        error={errorFor(state, "needsMinibus")}
        defaultChecked={checkedFor(state, "needsMinibus", placement.needsMinibus)}
      />
      <TextArea {...text("description")} label="Description of the work (optional)" rows={3} />
      <TextArea {...text("whatToBring")} label="What to wear and bring (optional)" rows={3} />
      <SubmitButton pendingText="Saving…">Save the placement</SubmitButton>
    </form>
  );
}

export function OpenClosePlacementForm({ placement }: { placement: Placement }) {
  const [state, action] = useActionState(openClosePlacementAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="placementId" value={placement.id} />
      <input type="hidden" name="version" value={placement.version} />
      <input type="hidden" name="active" value={placement.active ? "false" : "true"} />
      <SubmitButton variant={placement.active ? "warning" : undefined} pendingText="Saving…">
        {placement.active ? "Close the placement" : "Reopen the placement"}
      </SubmitButton>
    </form>
  );
}
