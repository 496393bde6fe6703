"use client";

import { useActionState } from "react";
import {
  DateField,
  FormProblems,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextField,
  errorFor,
  initialFormState,
  valueFor,
} from "@/ui/form";
import { GENDER_LABEL, MANAGED_BY_LABEL, ORDER_TYPE_LABEL } from "@/ui/labels";
import type { PersonForNewOrder } from "@/server/queries/person-requirements";
import { formatDate } from "@/ui/format";
import { createCaseAction } from "./actions";

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function NewCaseForm({
  regionCode,
  pdus,
  existing,
}: {
  regionCode: string;
  pdus: { code: string; name: string }[];
  existing: PersonForNewOrder | null;
}) {
  const [state, action] = useActionState(createCaseAction, initialFormState);
  const known: Record<string, string | null | undefined> = existing
    ? {
        crn: existing.person.crn,
        firstName: existing.person.firstName,
        lastName: existing.person.lastName,
        dateOfBirth: existing.person.dateOfBirth,
        gender: existing.person.gender,
        ethnicity: existing.person.ethnicity,
        phone: existing.person.phone,
      }
    : {};
  const field = (name: string) => ({
    name,
    error: errorFor(state, name),
    defaultValue: valueFor(state, name, known[name]),
  });

  return (
    <form action={action} noValidate key={state.submission}>
      <FormProblems state={state} />
      <input type="hidden" name="region" value={regionCode} />

      <h2 className="text-2xl">The person</h2>
      <TextField
        {...field("crn")}
        label="Case reference number (CRN)"
        hint="One capital letter then six digits, for example X123456"
        width="10"
        spellCheck={false}
        autoComplete="off"
      />
      <TextField {...field("firstName")} label="First name" autoComplete="off" />
      <TextField {...field("lastName")} label="Last name" autoComplete="off" />
      <DateField {...field("dateOfBirth")} label="Date of birth" hint="For example, 27 March 1990" />
      <RadioGroup
        name="gender"
        legend="Gender"
        error={errorFor(state, "gender")}
        defaultValue={valueFor(state, "gender", known.gender)}
        choices={choices(GENDER_LABEL)}
        inline
      />
      <TextField
        {...field("ethnicity")}
        label="Ethnicity (optional)"
        hint="As recorded by the court or in the person's own words. Used only for monitoring fairness."
      />
      <TextField {...field("phone")} label="Phone number (optional)" type="tel" width="20" autoComplete="off" />

      <h2 className="mt-10 text-2xl">The order</h2>
      <RadioGroup
        name="orderType"
        legend="Type of order"
        error={errorFor(state, "orderType")}
        defaultValue={valueFor(state, "orderType")}
        choices={choices(ORDER_TYPE_LABEL)}
      />
      <RadioGroup
        name="managedBy"
        legend="Who manages the case"
        hint="A stand-alone unpaid work team, or a probation practitioner who manages the whole sentence"
        error={errorFor(state, "managedBy")}
        defaultValue={valueFor(state, "managedBy")}
        choices={choices(MANAGED_BY_LABEL)}
      />
      {pdus.length > 0 && (
        <SelectField
          {...field("pdu")}
          label="Probation delivery unit (PDU) (optional)"
          options={pdus.map((pdu) => ({ value: pdu.code, label: pdu.name }))}
          placeholder="Not known yet"
        />
      )}
      <DateField
        {...field("sentenceDate")}
        label="Date of sentence"
        hint="The start deadline (15 working days) and the 12-month end are worked out from this date"
      />
      <TextField {...field("court")} label="Sentencing court" hint="For example, Highbury Corner Magistrates' Court" />
      <TextField {...field("practitionerName")} label="Probation practitioner (optional)" autoComplete="off" />
      <TextField
        {...field("hoursOrdered")}
        label="Hours of unpaid work ordered"
        hint="Between 40 and 300 hours"
        inputMode="numeric"
        width="3"
      />
      <DateField
        {...field("operationalPeriodEndsOn")}
        label="Suspended sentence order: end of the operational period (optional)"
        hint="Only for a suspended sentence order: 6 months to 2 years after sentence"
      />
      <DateField
        {...field("supervisionPeriodEndsOn")}
        label="Suspended sentence order: end of the supervision period (optional)"
        hint="The unpaid work must be done by this date; no later than the operational period"
      />

      {existing && existing.requirements.length > 0 && (
        <>
          <h2 className="mt-10 text-2xl">Their other orders</h2>
          <RadioGroup
            name="orderRelation"
            legend="How does the court say this order runs with their other orders?"
            hint="Consecutive: this order's hours are worked after the other order's are finished. Concurrent: both are worked at the same time, each by its own sessions."
            error={errorFor(state, "orderRelation")}
            defaultValue={valueFor(state, "orderRelation")}
            choices={[
              { value: "", label: "On its own (the court said neither)" },
              { value: "CONSECUTIVE", label: "After another order (consecutive)" },
              { value: "CONCURRENT", label: "At the same time as another order (concurrent)" },
            ]}
          />
          <SelectField
            {...field("relatedCaseId")}
            label="Which order (if consecutive or concurrent)"
            placeholder="Choose the order"
            options={existing.requirements.map((r) => ({
              value: r.id,
              label: `${ORDER_TYPE_LABEL[r.orderType]} of ${formatDate(r.sentenceDate)}, ${r.court}${r.status === "ACTIVE" ? "" : ` (${r.status.toLowerCase()})`}`,
            }))}
          />
        </>
      )}

      <SubmitButton pendingText="Creating the case…">Create case</SubmitButton>
    </form>
  );
}
