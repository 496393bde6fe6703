"use client";

import { useActionState } from "react";
import {
  Checkbox,
  CheckboxGroup,
  FormProblems,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  checkedFor,
  errorFor,
  initialFormState,
  valueFor,
  valuesFor,
} from "@/ui/form";
import { PLACEMENT_FEATURE_LABEL, PLACEMENT_TYPE_LABEL } from "@/ui/labels";
import { createPlacementAction } from "./actions";

const TYPE_HINT: Record<string, string> = {
  GROUP: "A supervised work party, usually 7-hour sessions",
  INDIVIDUAL: "Work with a beneficiary organisation, for example a charity shop",
  INDUCTION: "The induction before the first work session",
  ETE: "Education, training or employment activity",
};
const FEATURE_HINT: Record<string, string> = {
  CHILDREN_PRESENT: "Conflicts with a risk to children",
  FEMALE_ONLY: "Only women may be placed here; conflicts with a risk to women",
  LONE_WORKING:
    "The person may work alone with the supervisor; conflicts with a risk to women when the supervisor is a woman",
};

export function NewPlacementForm({ regionCode, pdus }: { regionCode: string; pdus: { code: string; name: string }[] }) {
  const [state, action] = useActionState(createPlacementAction, initialFormState);
  const field = (name: string) => ({ name, error: errorFor(state, name), defaultValue: valueFor(state, name) });
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="region" value={regionCode} />
      <TextField {...field("name")} label="Placement name" hint="For example, Hackney Marshes clean-up" />
      <RadioGroup
        name="type"
        legend="Type of placement"
        error={errorFor(state, "type")}
        defaultValue={valueFor(state, "type")}
        choices={Object.entries(PLACEMENT_TYPE_LABEL).map(([value, label]) => ({
          value,
          label,
          hint: TYPE_HINT[value],
        }))}
      />
      <TextField
        {...field("beneficiary")}
        label="Beneficiary (optional)"
        hint="The organisation that benefits, for example the canal trust or a charity shop"
      />
      <TextField
        {...field("beneficiaryKind")}
        label="Kind of beneficiary (optional)"
        hint="For example, park, charity shop, school"
        width="20"
      />
      {pdus.length > 0 && (
        <SelectField
          {...field("pdu")}
          label="Probation delivery unit (PDU) (optional)"
          options={pdus.map((pdu) => ({ value: pdu.code, label: pdu.name }))}
          placeholder="Whole region"
        />
      )}
      <TextField {...field("address")} label="Address (optional)" />
      <TextField {...field("postcode")} label="Postcode (optional)" width="10" autoComplete="off" />
      <TextField
        {...field("capacity")}
        label="Places"
        hint="How many people can work there at once. Sessions may be booked up to the region's over-booking limit (usually 120%)."
        inputMode="numeric"
        width="3"
      />
      <CheckboxGroup
        name="features"
        legend="What the site involves"
        hint="Allocation checks these against each person's risk codes"
        error={errorFor(state, "features")}
        defaultValues={valuesFor(state, "features")}
        choices={Object.entries(PLACEMENT_FEATURE_LABEL).map(([value, label]) => ({
          value,
          label,
          hint: FEATURE_HINT[value],
        }))}
      />
      <Checkbox
        name="needsMinibus"
        label="Needs the minibus"
        hint="People are picked up and taken to the site"
        error={errorFor(state, "needsMinibus")}
        defaultChecked={checkedFor(state, "needsMinibus")}
      />
      <TextArea {...field("description")} label="Description of the work (optional)" rows={3} />
      <TextArea
        {...field("whatToBring")}
        label="What to wear and bring (optional)"
        hint="Shown on the work instruction, for example sturdy boots, packed lunch"
        rows={3}
      />
      <SubmitButton pendingText="Adding the placement…">Add placement</SubmitButton>
    </form>
  );
}
