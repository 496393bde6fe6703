"use client";

import Link from "next/link";
import { useState } from "react";
import { flushSync } from "react-dom";
import { RadioGroup, SelectField, TextArea, TimeField } from "@/ui/form/fields";
import { INCIDENT_TYPE_LABEL } from "@/ui/labels";
import { discardRecord, submitRecord, useOutbox, type OutboxRecord } from "@/ui/offline/outbox";

// The incident goes through the outbox (docs/decisions/0013): with no signal it waits and is sent
// later, once; a refusal stays on screen until the supervisor fixes it.

const TYPES = ["BEHAVIOUR", "INJURY", "NEAR_MISS", "THREAT_TO_STAFF"] as const;
const TYPE_HINTS: Record<(typeof TYPES)[number], string> = {
  BEHAVIOUR: "For example refusing to work, abuse or breaking the rules",
  INJURY: "Anyone hurt, however slightly",
  NEAR_MISS: "Something that could have hurt someone but did not",
  THREAT_TO_STAFF: "Threats or violence towards you or other staff",
};
const typeChoices = TYPES.map((type) => ({ value: type, label: INCIDENT_TYPE_LABEL[type], hint: TYPE_HINTS[type] }));

type FieldError = { field: string; message: string };

function RecordState({ record }: { record: OutboxRecord }) {
  if (record.state === "sent") return <p className="font-bold">Incident saved.</p>;
  if (record.state === "refused") {
    return (
      <p role="alert" className="border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2">
        <span className="font-bold">Not saved – the server refused it: </span>
        {record.error?.message}
      </p>
    );
  }
  return (
    <p className="border-l-[5px] border-[#f47738] bg-[#fef0e7] px-3 py-2 font-bold">
      {record.state === "sending" ? "Sending…" : "Waiting to be sent. It will be sent when you have a connection."}
    </p>
  );
}

export function IncidentForm({
  sessionId,
  people,
  defaultTime,
}: {
  sessionId: string;
  people: { caseId: string; name: string }[];
  defaultTime: string;
}) {
  const records = useOutbox(sessionId);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const record = recordId ? records.find((r) => r.id === recordId) : undefined;

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => (form.get(name)?.toString() ?? "").trim();
    const type = text("type");
    const description = text("description");
    const occurredAt = text("occurredAt");
    const problems: FieldError[] = [];
    if (!TYPES.includes(type as (typeof TYPES)[number]))
      problems.push({ field: "type", message: "Select what kind of incident it was." });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(occurredAt))
      problems.push({ field: "occurredAt", message: "Enter the time it happened, for example 13:40." });
    if (!description) problems.push({ field: "description", message: "Describe what happened." });
    // Drawn at once, so the problem box exists to take the focus (screen readers hear it first).
    flushSync(() => setErrors(problems));
    if (problems.length > 0) {
      document.getElementById("incident-problems")?.focus();
      return;
    }
    // The refused one is replaced by this new record (with its own key).
    if (record?.state === "refused") discardRecord(record.id);
    const caseId = text("caseId");
    const person = people.find((p) => p.caseId === caseId);
    const sent = await submitRecord({
      kind: "incident",
      method: "POST",
      url: `/api/v1/sessions/${sessionId}/incidents`,
      body: { type, caseId: caseId || null, occurredAt, description },
      label: `Incident: ${INCIDENT_TYPE_LABEL[type as (typeof TYPES)[number]]}${person ? ` (${person.name})` : ""}`,
      sessionId,
      ...(caseId ? { caseId } : {}),
    });
    setRecordId(sent.id);
  };

  if (record && record.state !== "refused") {
    return (
      <>
        <RecordState record={record} />
        <Link href={`/my-sessions/${sessionId}`} className="button no-underline">
          Back to the session
        </Link>
      </>
    );
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form noValidate onSubmit={onSubmit} className="[&_select]:w-full [&_select]:max-w-full">
      {record && <RecordState record={record} />}
      {errors.length > 0 && (
        <div id="incident-problems" tabIndex={-1} role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="mb-2 text-xl">There is a problem</h2>
          <ul className="m-0 list-none p-0">
            {errors.map((error) => (
              <li key={error.field}>
                <a href={`#${error.field}`} className="font-bold text-error">
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <RadioGroup name="type" legend="What kind of incident was it?" choices={typeChoices} error={errorFor("type")} />
      <SelectField
        name="caseId"
        label="Who was it about? (optional)"
        options={people.map((person) => ({ value: person.caseId, label: person.name }))}
        placeholder="Nobody in particular"
        error={errorFor("caseId")}
      />
      <TimeField
        name="occurredAt"
        label="What time did it happen?"
        defaultValue={defaultTime}
        error={errorFor("occurredAt")}
      />
      <TextArea
        name="description"
        label="What happened?"
        hint="What happened, who was involved and what you did about it"
        rows={6}
        maxLength={4000}
        error={errorFor("description")}
      />
      <button type="submit" className="button w-full sm:w-auto">
        Save the incident
      </button>
    </form>
  );
}
