"use client";

import { useActionState } from "react";
import type { EteReason, RoshLevel } from "@/domain/vocabulary";
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
import { ETE_REASON_LABEL, ROSH_LABEL } from "@/ui/labels";
import { saveAssessmentAction } from "./actions";

export type AssessmentFormRecord = {
  rosh: RoshLevel | null;
  mappaCategory: number | null;
  mappaLevel: number | null;
  riskCodes: string[];
  nonAssociations: string[];
  healthNotes: string | null;
  adjustments: string | null;
  skills: string | null;
  availability: Record<string, string[]> | null;
  caringDuties: string | null;
  employment: string | null;
  religiousObservance: string | null;
  eteEligible: boolean;
  eteReason: EteReason | null;
  womenOnlyPreference: boolean;
  notes: string | null;
  complete: boolean;
};

export type RiskCodeChoice = { code: string; title: string; guidance: string };

const DAYS = [
  ["MON", "Monday"],
  ["TUE", "Tuesday"],
  ["WED", "Wednesday"],
  ["THU", "Thursday"],
  ["FRI", "Friday"],
  ["SAT", "Saturday"],
  ["SUN", "Sunday"],
] as const;
const DAY_PART_CHOICES = [
  { value: "AM", label: "Morning" },
  { value: "PM", label: "Afternoon" },
  { value: "EVE", label: "Evening" },
];
const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function AssessmentForm({
  caseId,
  version,
  record,
  catalogue,
}: {
  caseId: string;
  version: number;
  record: AssessmentFormRecord | null;
  catalogue: RiskCodeChoice[];
}) {
  const [state, action] = useActionState(saveAssessmentAction, initialFormState);
  const text = (name: keyof AssessmentFormRecord) => ({
    name,
    error: errorFor(state, name),
    defaultValue: valueFor(state, name, (record?.[name] as string | number | null | undefined) ?? null),
  });

  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />

      <h2 className="text-2xl">Risk</h2>
      <RadioGroup
        name="rosh"
        legend="Risk of serious harm (RoSH)"
        hint="From the risk assessment. High or very high RoSH on an individual placement needs a manager's approval."
        error={errorFor(state, "rosh")}
        defaultValue={valueFor(state, "rosh", record?.rosh)}
        choices={choices(ROSH_LABEL)}
        inline
      />
      <SelectField
        {...text("mappaCategory")}
        label="MAPPA category"
        hint="Multi-agency public protection arrangements"
        options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: `Category ${n}` }))}
        placeholder="Not managed under MAPPA"
      />
      <SelectField
        {...text("mappaLevel")}
        label="MAPPA level"
        options={[1, 2, 3].map((n) => ({ value: String(n), label: `Level ${n}` }))}
        placeholder="No level recorded"
      />
      <CheckboxGroup
        name="riskCodes"
        legend="Risk codes"
        hint="Tick every code that applies. The guidance under each is what the supervisor sees on site."
        error={errorFor(state, "riskCodes")}
        defaultValues={valuesFor(state, "riskCodes", record?.riskCodes ?? [])}
        choices={catalogue.map((riskCode) => ({
          value: riskCode.code,
          label: (
            <>
              <span className="font-bold">{riskCode.title}</span>{" "}
              <span className="text-secondary">(code {riskCode.code})</span>
            </>
          ),
          hint: riskCode.guidance,
        }))}
      />

      <h2 className="mt-10 text-2xl">Health, skills and adjustments</h2>
      <TextArea
        {...text("healthNotes")}
        label="Health and disability (optional)"
        hint="Anything that affects the work the person can safely do"
      />
      <TextArea
        {...text("adjustments")}
        label="Reasonable adjustments (optional)"
        hint="For example, no heavy lifting, seated work, a quiet space for breaks"
      />
      <TextArea
        {...text("skills")}
        label="Skills and work experience (optional)"
        hint="Helps match the person to a placement, for example painting, driving licence, retail"
      />

      <h2 className="mt-10 text-2xl">Availability</h2>
      <p className="hint max-w-2xl">
        Tick when the person can work. Sessions at other times are still possible but the allocation page will warn
        about the clash.
      </p>
      <div className="grid gap-x-8 sm:grid-cols-2">
        {DAYS.map(([day, label]) => (
          <CheckboxGroup
            key={day}
            name={`availability-${day}`}
            legend={label}
            error={errorFor(state, `availability-${day}`)}
            defaultValues={valuesFor(state, `availability-${day}`, record?.availability?.[day] ?? [])}
            choices={DAY_PART_CHOICES}
            inline
          />
        ))}
      </div>
      <TextArea
        {...text("employment")}
        label="Work or training (optional)"
        hint="Days and hours the person works or studies"
        rows={3}
      />
      <TextArea
        {...text("caringDuties")}
        label="Caring duties (optional)"
        hint="For example, school runs, caring for a relative"
        rows={3}
      />
      <TextArea
        {...text("religiousObservance")}
        label="Religious observance (optional)"
        hint="Days or times the person cannot work for religious reasons"
        rows={3}
      />

      <h2 className="mt-10 text-2xl">Education, training and employment (ETE)</h2>
      <RadioGroup
        name="eteEligible"
        legend="Is the person eligible for ETE?"
        hint="Up to 30% of the hours can be ETE activity, for someone not in work or training, at risk of losing employment, or developing employment options."
        error={errorFor(state, "eteEligible")}
        defaultValue={valueFor(state, "eteEligible", record ? String(record.eteEligible) : undefined)}
        choices={[
          { value: "true", label: "Yes" },
          { value: "false", label: "No" },
        ]}
        inline
      />
      <RadioGroup
        name="eteReason"
        legend="Why the person is eligible for ETE"
        hint="Answer only if eligible"
        error={errorFor(state, "eteReason")}
        defaultValue={valueFor(state, "eteReason", record?.eteReason)}
        choices={choices(ETE_REASON_LABEL)}
      />

      <TextField
        name="nonAssociations"
        label="Non-association: people they must never work with (optional)"
        hint="Their CRNs, separated by commas, for example X123456, Y654321. They are never booked on the same session, whichever of the two is booked first."
        error={errorFor(state, "nonAssociations")}
        defaultValue={valueFor(state, "nonAssociations", (record?.nonAssociations ?? []).join(", "))}
      />

      <h2 className="mt-10 text-2xl">Placement preference</h2>
      <Checkbox
        name="womenOnlyPreference"
        label="Prefers a women-only placement"
        hint="For women: a women-only placement is offered where the region has one."
        error={errorFor(state, "womenOnlyPreference")}
        defaultChecked={checkedFor(state, "womenOnlyPreference", record?.womenOnlyPreference ?? false)}
      />

      <h2 className="mt-10 text-2xl">Notes and completion</h2>
      <TextArea {...text("notes")} label="Notes (optional)" hint="Plain text, up to 4,000 characters" />
      <Checkbox
        name="complete"
        label="The assessment is complete"
        hint="Work sessions can only be allocated once the assessment is complete. Leave this unticked to save your progress."
        error={errorFor(state, "complete")}
        defaultChecked={checkedFor(state, "complete", record?.complete ?? false)}
      />

      <SubmitButton pendingText="Saving the assessment…">Save assessment</SubmitButton>
    </form>
  );
}
