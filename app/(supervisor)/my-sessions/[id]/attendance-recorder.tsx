"use client";

import { useState } from "react";
import { flushSync } from "react-dom";
import { ABSENCE_REASONS, ABSENCE_REASON_LABELS, ATTENDANCE_OUTCOMES, OUTCOME_INFO, type AttendanceOutcome } from "@/domain/attendance-outcomes";
import { SUPERVISOR_OUTCOMES } from "@/domain/attendance-recording";
import { checkAttendanceDetails, creditForOutcome, isSentHome, type SessionTimes } from "@/domain/crediting";
import { formatHoursAndMinutes } from "@/domain/format";
import { WORK_RATINGS } from "@/domain/vocabulary";
import { Checkbox, RadioGroup, SelectField, TextArea, TextField, TimeField } from "@/ui/form/fields";
import { discardRecord, retryRecord, submitRecord, useOutbox, type OutboxRecord } from "@/ui/offline/outbox";
import { savedAttendance, unsentAttendance, type AttendanceBody, type AttendanceSnapshot } from "@/ui/supervisor/attendance-snapshot";
import { RATING_LABEL } from "@/ui/rating-labels";

// One person's attendance on the roster: what the server has saved, what is waiting to be sent or
// was refused, and a small form to record or correct it. Every change is one PUT through the
// outbox (docs/decisions/0013-supervisor-records-through-the-api.md); the server decides, and
// its refusal stays beside the person until the supervisor changes or drops it.

type Props = {
  sessionId: string;
  caseId: string;
  name: string;
  session: SessionTimes;
  initial: AttendanceSnapshot | null;
  /** False once the session is closed, or before its day. */
  editable: boolean;
};

type FieldError = { field: string; message: string };

const ratingOptions = WORK_RATINGS.map((rating) => ({ value: rating, label: RATING_LABEL[rating] }));
const reasonOptions = ABSENCE_REASONS.map((reason) => ({ value: reason, label: ABSENCE_REASON_LABELS[reason] }));
// A supervisor records what they saw: attended outcomes and "did not attend"; the office decides on evidence whether an absence was acceptable.
const outcomeChoices = SUPERVISOR_OUTCOMES.map((outcome) => ({
  value: outcome,
  label: outcome === "UNACCEPTABLE_ABSENCE" ? "Did not attend (the office decides whether the absence was acceptable)" : OUTCOME_INFO[outcome].label,
}));

const isOutcome = (value: unknown): value is AttendanceOutcome => ATTENDANCE_OUTCOMES.includes(value as AttendanceOutcome);

/** The body from the form's fields (names prefixed per person); blank fields are left out. */
function bodyFrom(form: FormData, prefix: string, saved: AttendanceSnapshot | null): AttendanceBody | null {
  const text = (name: string) => {
    const value = form.get(prefix + name);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  };
  const outcome = text("outcome");
  if (!isOutcome(outcome)) return null;
  const attended = OUTCOME_INFO[outcome].attended;
  const penalty = text("penaltyMinutes");
  const note = text("note");
  const body: AttendanceBody = { outcome };
  if (attended) {
    body.arrivedAt = text("arrivedAt");
    body.leftAt = text("leftAt");
    body.penaltyMinutes = penalty === null ? 0 : /^\d+$/.test(penalty) ? Number(penalty) : Number.NaN;
    body.workQuality = text("workQuality") as AttendanceBody["workQuality"];
    body.behaviour = text("behaviour") as AttendanceBody["behaviour"];
  }
  if (outcome === "ACCEPTABLE_ABSENCE") body.reasonCategory = text("reasonCategory") as AttendanceBody["reasonCategory"];
  // A blank note over a sensitive one the supervisor cannot read keeps it (the server keeps a left-out note).
  if (note !== null || !saved?.noteHidden) body.note = note;
  if (form.get(prefix + "noteSensitive") === "true" || saved?.noteSensitive) body.noteSensitive = true;
  return body;
}

/** The same rule functions the server runs (R7, R8): warnings before sending; the server still decides. */
function problemsWith(body: AttendanceBody | null, session: SessionTimes): FieldError[] {
  if (!body) return [{ field: "outcome", message: "Select what happened." }];
  if (body.penaltyMinutes !== undefined && body.penaltyMinutes !== null && !Number.isInteger(body.penaltyMinutes)) {
    return [{ field: "penaltyMinutes", message: "Enter penalty minutes as a whole number, for example 30." }];
  }
  const credit = creditForOutcome({ ...body, session });
  if (!credit.ok) return [{ field: credit.field ?? "outcome", message: credit.message }];
  const details = checkAttendanceDetails(body);
  if (!details.ok) return [{ field: details.field ?? "outcome", message: details.message }];
  return [];
}

function creditText(body: AttendanceBody | null, session: SessionTimes): string {
  if (!body) return "Select what happened to see the time credited.";
  if (!OUTCOME_INFO[body.outcome].attended) return "No time is credited for an absence.";
  const credit = creditForOutcome({ ...body, session });
  return credit.ok ? `Time credited: ${formatHoursAndMinutes(credit.value)}` : "Check the times to see the time credited.";
}

function SavedSummary({ saved }: { saved: AttendanceSnapshot | null }) {
  if (!saved) return <p className="mb-2">Not recorded yet.</p>;
  const info = OUTCOME_INFO[saved.outcome];
  return (
    <div className="mb-2">
      <p className="mb-1 font-bold">Saved: {info.label}</p>
      {info.attended && (
        <p className="mb-1">
          {saved.arrivedAt} to {saved.leftAt}
          {saved.penaltyMinutes > 0 ? `, ${saved.penaltyMinutes} penalty minutes` : ""} · credited {formatHoursAndMinutes(saved.minutesCredited)}
        </p>
      )}
      {saved.workQuality && saved.behaviour && (
        <p className="mb-1">
          Work: {RATING_LABEL[saved.workQuality]} · Behaviour: {RATING_LABEL[saved.behaviour]}
        </p>
      )}
      {saved.reasonCategory && <p className="mb-1">Reason: {ABSENCE_REASON_LABELS[saved.reasonCategory]}</p>}
      {saved.note && <p className="mb-1 whitespace-pre-wrap break-words">Note: {saved.note}</p>}
      {saved.noteHidden && <p className="mb-1">A sensitive note is recorded.</p>}
    </div>
  );
}

function UnsentNotice({ record, name, onChange }: { record: OutboxRecord; name: string; onChange: () => void }) {
  if (record.state === "refused") {
    return (
      <div className="mb-3 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2">
        <p className="mb-1 font-bold">Not saved – the server refused this change</p>
        <p className="mb-2">{record.error?.message ?? "The server did not accept this record."}</p>
        <div className="flex flex-wrap gap-3">
          <button type="button" className="button" onClick={onChange}>
            Change and send again<span className="sr-only"> for {name}</span>
          </button>
          <button type="button" className="button button-secondary" onClick={() => discardRecord(record.id)}>
            Drop this change<span className="sr-only"> for {name}</span>
          </button>
        </div>
      </div>
    );
  }
  return (
    <p className="mb-3 border-l-[5px] border-[#f47738] bg-[#fef0e7] px-3 py-2 font-bold">
      {record.state === "sending" ? "Sending…" : "Waiting to be sent. It will be sent when you have a connection."}
    </p>
  );
}

export function AttendanceRecorder({ sessionId, caseId, name, session, initial, editable }: Props) {
  const records = useOutbox(sessionId);
  const saved = savedAttendance(initial, records, caseId);
  const unsent = unsentAttendance(records, caseId);
  const refused = unsent?.state === "refused" ? unsent : undefined;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<AttendanceBody | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const prefix = `a-${caseId}-`;
  const headingId = `${prefix}heading`;

  const start = (refused?.body as AttendanceBody | undefined) ?? (saved ? { ...saved, note: saved.note } : null);
  const openForm = () => {
    setDraft(start);
    setErrors([]);
    setOpen(true);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = bodyFrom(new FormData(event.currentTarget), prefix, saved);
    const problems = problemsWith(body, session);
    // Drawn at once, so the problem box exists to take the focus (screen readers hear it first).
    flushSync(() => setErrors(problems));
    if (!body || problems.length > 0) {
      document.getElementById(`${prefix}problems`)?.focus();
      return;
    }
    // Optimistic locking: a correction names the version it changes, so the office's change is not overwritten unseen.
    if (saved) body.version = saved.version;
    setOpen(false);
    if (refused) void retryRecord(refused.id, body);
    else
      void submitRecord({
        kind: "attendance",
        method: "PUT",
        url: `/api/v1/sessions/${sessionId}/attendance/${caseId}`,
        body,
        label: `Attendance for ${name}`,
        sessionId,
        caseId,
      });
  };

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const outcome = draft?.outcome;
  const attended = outcome ? OUTCOME_INFO[outcome].attended : false;

  return (
    <section aria-labelledby={headingId} className="mt-4 border-t-2 border-border pt-3">
      <h4 id={headingId} className="mb-2 font-bold">
        Attendance<span className="sr-only"> for {name}</span>
      </h4>
      <SavedSummary saved={saved} />
      {unsent && <UnsentNotice record={unsent} name={name} onChange={openForm} />}
      {editable && !open && !refused && (
        <button type="button" className="button button-secondary" onClick={openForm}>
          {saved || unsent ? "Change attendance" : "Record attendance"}
          <span className="sr-only"> for {name}</span>
        </button>
      )}
      {editable && open && (
        <form
          noValidate
          // Long choices (absence reasons) must not push a select past the edge of a 360 px screen.
          className="[&_select]:w-full [&_select]:max-w-full"
          onSubmit={onSubmit}
          onChange={(event) => setDraft(bodyFrom(new FormData(event.currentTarget), prefix, saved))}
          aria-label={`Attendance for ${name}`}
        >
          {errors.length > 0 && (
            <div id={`${prefix}problems`} tabIndex={-1} role="alert" className="mb-4 border-4 border-error p-3">
              <p className="mb-1 font-bold">There is a problem</p>
              <ul className="m-0 list-none p-0">
                {errors.map((error) => (
                  <li key={error.field}>
                    <a href={`#${prefix}${error.field}`} className="font-bold text-error">
                      {error.message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <RadioGroup name={`${prefix}outcome`} legend="What happened?" choices={outcomeChoices} defaultValue={start?.outcome} error={errorFor("outcome")} />
          {attended && (
            <>
              <div className="flex flex-wrap gap-x-6">
                <TimeField name={`${prefix}arrivedAt`} label="Arrived" defaultValue={start?.arrivedAt ?? session.startTime} error={errorFor("arrivedAt")} />
                <TimeField
                  name={`${prefix}leftAt`}
                  label={outcome && isSentHome(outcome) ? "Sent home at" : "Left"}
                  defaultValue={start?.leftAt ?? session.endTime}
                  error={errorFor("leftAt")}
                />
              </div>
              <TextField
                name={`${prefix}penaltyMinutes`}
                label="Penalty minutes"
                hint="Time taken off, for example for a long break or arriving unfit to work"
                inputMode="numeric"
                width="5"
                defaultValue={start?.penaltyMinutes ? String(start.penaltyMinutes) : "0"}
                error={errorFor("penaltyMinutes")}
              />
              <SelectField name={`${prefix}workQuality`} label="Quality of work" options={ratingOptions} placeholder="Choose" defaultValue={start?.workQuality ?? ""} error={errorFor("workQuality")} />
              <SelectField name={`${prefix}behaviour`} label="Behaviour" options={ratingOptions} placeholder="Choose" defaultValue={start?.behaviour ?? ""} error={errorFor("behaviour")} />
            </>
          )}
          {outcome === "ACCEPTABLE_ABSENCE" && (
            <SelectField
              name={`${prefix}reasonCategory`}
              label="Reason for the absence"
              options={reasonOptions}
              placeholder="Choose a reason"
              defaultValue={start?.reasonCategory ?? ""}
              error={errorFor("reasonCategory")}
            />
          )}
          <p className="mb-4 font-bold" aria-live="polite">
            {creditText(draft, session)}
          </p>
          <TextArea
            name={`${prefix}note`}
            label={outcome === "ACCEPTABLE_ABSENCE" ? "Note (explain the absence)" : "Note (optional)"}
            hint={saved?.noteHidden ? "A sensitive note is already recorded. Anything you type here replaces it; leave it empty to keep it." : undefined}
            rows={3}
            maxLength={4000}
            defaultValue={start?.note ?? ""}
            error={errorFor("note")}
          />
          {saved?.noteSensitive ? (
            <p className="mb-4">The note is marked sensitive. Only managers and the case coordinator can read it.</p>
          ) : (
            <Checkbox
              name={`${prefix}noteSensitive`}
              label="The note is sensitive"
              hint="Only managers and the case coordinator will be able to read it. This cannot be undone."
              defaultChecked={start?.noteSensitive ?? false}
            />
          )}
          <div className="flex flex-wrap gap-3">
            <button type="submit" className="button">
              Save attendance<span className="sr-only"> for {name}</span>
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              Cancel<span className="sr-only"> changing attendance for {name}</span>
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
