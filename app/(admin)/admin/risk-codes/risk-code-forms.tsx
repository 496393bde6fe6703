"use client";

import { useActionState } from "react";
import {
  CheckboxGroup,
  FormProblems,
  SubmitButton,
  TextArea,
  TextField,
  errorFor,
  initialFormState,
  valueFor,
  valuesFor,
  type FormState,
} from "@/ui/form";
import { PLACEMENT_FEATURE_LABEL } from "@/ui/labels";
import { addRiskCodeAction, setRiskCodeActiveAction, updateRiskCodeAction } from "./actions";

type RiskCode = {
  id: string;
  code: string;
  title: string;
  guidance: string;
  conflictsWith: string[];
  active: boolean;
  version: number;
};

const FEATURE_CHOICES = Object.entries(PLACEMENT_FEATURE_LABEL).map(([value, label]) => ({ value, label }));

function MeaningFields({ state, riskCode }: { state: FormState; riskCode?: RiskCode | undefined }) {
  return (
    <>
      <TextField
        name="title"
        label="Title"
        error={errorFor(state, "title")}
        defaultValue={valueFor(state, "title", riskCode?.title)}
      />
      <TextArea
        name="guidance"
        label="Guidance for the supervisor"
        hint="Plain words a supervisor reads on their roster: what to watch for and what to do"
        rows={6}
        error={errorFor(state, "guidance")}
        defaultValue={valueFor(state, "guidance", riskCode?.guidance)}
      />
      <CheckboxGroup
        name="conflictsWith"
        legend="Placements it conflicts with"
        hint="A person with this code is not booked on a placement with a ticked feature unless a manager approves it"
        error={errorFor(state, "conflictsWith")}
        defaultValues={valuesFor(state, "conflictsWith", riskCode?.conflictsWith ?? [])}
        choices={FEATURE_CHOICES}
      />
    </>
  );
}

export function NewRiskCodeForm() {
  const [state, action] = useActionState(addRiskCodeAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <TextField
        name="code"
        label="Code"
        hint="Letters and numbers, for example RC. It cannot be changed later."
        width="10"
        error={errorFor(state, "code")}
        defaultValue={valueFor(state, "code")}
        autoComplete="off"
      />
      <MeaningFields state={state} />
      <SubmitButton pendingText="Adding…">Add risk code</SubmitButton>
    </form>
  );
}

export function ChangeRiskCodeForm({ riskCode }: { riskCode: RiskCode }) {
  const [state, action] = useActionState(updateRiskCodeAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="riskCodeId" value={riskCode.id} />
      <input type="hidden" name="version" value={riskCode.version} />
      <MeaningFields state={state} riskCode={riskCode} />
      <SubmitButton pendingText="Saving…">Save risk code</SubmitButton>
    </form>
  );
}

export function RetireRiskCodeForm({ riskCode }: { riskCode: RiskCode }) {
  const [state, action] = useActionState(setRiskCodeActiveAction, initialFormState);
  return (
    <form action={action} noValidate key={state.submission} aria-labelledby="retire-heading">
      <h2 id="retire-heading" className="text-2xl font-bold">
        {riskCode.active ? "Retire this code" : "Restore this code"}
      </h2>
      <FormProblems state={state} />
      <input type="hidden" name="riskCodeId" value={riskCode.id} />
      <input type="hidden" name="version" value={riskCode.version} />
      <input type="hidden" name="active" value={String(!riskCode.active)} />
      <p>
        {riskCode.active
          ? "Officers will no longer be able to add it to an assessment. Assessments that already have it keep it, and its safety checks still apply to them."
          : "Officers will be able to add it to assessments again."}
      </p>
      <SubmitButton pendingText="Saving…" variant={riskCode.active ? "warning" : "primary"}>
        {riskCode.active ? `Retire ${riskCode.code}` : `Restore ${riskCode.code}`}
      </SubmitButton>
    </form>
  );
}
