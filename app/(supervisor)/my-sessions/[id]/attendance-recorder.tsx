"use client";

import { useState } from "react";
import { flushSync } from "react-dom";
import {
  ABSENCE_REASON_LABELS,
  ATTENDANCE_OUTCOMES,
  OUTCOME_INFO,
  SUPERVISOR_OUTCOMES,
  type AttendanceOutcome,
} from "@/domain/attendance-outcomes";
import { checkAttendanceDetails, creditForOutcome, isSentHome, type SessionTimes } from "@/domain/crediting";
import { formatHoursAndMinutes } from "@/domain/format-duration";
import { WORK_RATINGS } from "@/domain/vocabulary";
import { Checkbox, RadioGroup, SelectField, TextArea, TextField, TimeField } from "@/ui/form/fields";
import { discardRecord, retryRecord, submitRecord, useOutbox, type OutboxRecord } from "@/ui/offline/outbox";
import {
  savedAttendance,
  unsentAttendance,
  type AttendanceBody,
  type AttendanceSnapshot,
} from "@/ui/supervisor/attendance-snapshot";
import { RATING_LABEL } from "@/ui/rating-labels";

// One person's attendance on the roster: what the server has saved, what is waiting to be sent or
// was refused, and a small form to record or correct it. Every change is one PUT through the
// outbox (docs/decisions/0013-supervisor-records-through-the-docs/api.md); the server decides, and
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
// A supervisor records what they saw: attended outcomes and "did not attend"; the office decides on evidence whether an absence was acceptable.
const outcomeChoices = SUPERVISOR_OUTCOMES.map((outcome) => ({
  value: outcome,
  label:
    outcome === "UNACCEPTABLE_ABSENCE"
      ? "Did not attend (the office decides whether the absence was acceptable)"
      : OUTCOME_INFO[outcome].label,
}));

const isOutcome = (value: unknown): value is AttendanceOutcome =>
  ATTENDANCE_OUTCOMES.includes(value as AttendanceOutcome);

/**
 * The body from the form's fields (names prefixed per person); blank fields are left out. The note
 * is sent only when the supervisor changed it: left out, the server keeps the note it has (a
 * sensitive one the supervisor cannot read included); emptied, it is cleared (`note: null`).
 * `pending` is a record not yet accepted that this one replaces: its note is carried over.
 */
function bodyFrom(
  form: FormData,
  prefix: string,
  saved: AttendanceSnapshot | null,
  pending?: AttendanceBody,
): AttendanceBody | null {
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
  // No reason category: a supervisor cannot record an acceptable absence (the office decides, on evidence).
  const startNote = pending && pending.note !== undefined ? pending.note : (saved?.note ?? null);
  if (note !== startNote) body.note = note;
  else if (pending && pending.note !== undefined) body.note = pending.note;
  if (form.get(prefix + "noteSensitive") === "true" || saved?.noteSensitive || pending?.noteSensitive)
    body.noteSensitive = true;
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
  return credit.ok
    ? `Time credited: ${formatHoursAndMinutes(credit.value)}`
    : "Check the times to see the time credited.";
}

/** The values of a record as entered (waiting, refused) or as the server has them, in words. */
function AttendanceValues({
  values,
  session,
  title,
}: {
  values: AttendanceBody & { minutesCredited?: number };
  session: SessionTimes;
  title: string;
}) {
  const info = OUTCOME_INFO[values.outcome];
  // What the server credited (after the cap at the hours ordered) when it has answered; else the rule's figure.
  const computed =
    info.attended && values.minutesCredited === undefined ? creditForOutcome({ ...values, session }) : null;
  const credit = values.minutesCredited !== undefined ? { ok: true as const, value: values.minutesCredited } : computed;
  return (
    <div className="mb-2">
      <p className="mb-1 font-bold">
        {title}: {info.label}
      </p>
      {info.attended && (
        <p className="mb-1">
          {values.arrivedAt ?? session.startTime} to {values.leftAt ?? session.endTime}
          {values.penaltyMinutes ? `, ${values.penaltyMinutes} penalty minutes` : ""}
          {credit?.ok ? ` · credited ${formatHoursAndMinutes(credit.value)}` : ""}
        </p>
      )}
      {values.workQuality && values.behaviour && (
        <p className="mb-1">
          Work: {RATING_LABEL[values.workQuality]} · Behaviour: {RATING_LABEL[values.behaviour]}
        </p>
      )}
      {values.reasonCategory && <p className="mb-1">Reason: {ABSENCE_REASON_LABELS[values.reasonCategory]}</p>}
      {values.note && <p className="mb-1 whitespace-pre-wrap break-words">Note: {values.note}</p>}
      {values.note && values.noteSensitive && <p className="mb-1">The note is marked sensitive.</p>}
    </div>
  );
}

function SavedSummary({
  saved,
  waiting,
  session,
}: {
  saved: AttendanceSnapshot | null;
  waiting: boolean;
  session: SessionTimes;
}) {
  if (!saved) return waiting ? null : <p className="mb-2">Not recorded yet.</p>;
  return (
    <>
      <AttendanceValues values={saved} session={session} title="Saved" />
      {saved.noteHidden && <p className="mb-1">A sensitive note is recorded.</p>}
    </>
  );
}

type Conflict = { current: AttendanceBody & { version: number } };

function conflictOf(record: OutboxRecord): Conflict | undefined {
  const current =
    record.error?.code === "STALE_VERSION"
      ? (record.error.details?.current as Conflict["current"] | undefined)
      : undefined;
  return current && typeof current.version === "number" ? { current } : undefined;
}

function UnsentNotice({
  record,
  name,
  session,
  onChange,
}: {
  record: OutboxRecord;
  name: string;
  session: SessionTimes;
  onChange: () => void;
}) {
  const entered = record.body as AttendanceBody;
  if (record.state === "refused") {
    const conflict = conflictOf(record);
    const closed = record.error?.code === "SESSION_CLOSED";
    return (
      <div className="mb-3 border-l-[5px] border-error bg-[#fbe9e6] px-3 py-2">
        <p className="mb-1 font-bold">
          {conflict
            ? "Not saved – the office changed this attendance"
            : closed
              ? "Not saved – the session was closed by the office"
              : "Not saved – the server refused this change"}
        </p>
        <p className="mb-2">
          {conflict
            ? "Someone in the office changed this record after your phone last saw it. Compare the two and choose which stands."
            : closed
              ? "Phone the office and read them what you entered, so they can record it."
              : (record.error?.message ?? "The server did not accept this record.")}
        </p>
        {conflict && <AttendanceValues values={conflict.current} session={session} title="Now on record" />}
        <AttendanceValues values={entered} session={session} title={closed ? "What you entered" : "Yours"} />
        <div className="flex flex-wrap gap-3">
          {conflict ? (
            <button
              type="button"
              className="button"
              onClick={() => void retryRecord(record.id, { ...entered, version: conflict.current.version })}
            >
              Send mine instead<span className="sr-only"> for {name}</span>
            </button>
          ) : (
            !closed && (
              <button type="button" className="button" onClick={onChange}>
                Change and send again<span className="sr-only"> for {name}</span>
              </button>
            )
          )}
          <button type="button" className="button button-secondary" onClick={() => discardRecord(record.id)}>
            {conflict
              ? "Keep the office's record"
              : closed
                ? "I have phoned the office: remove it"
                : "Drop this change"}
            <span className="sr-only"> for {name}</span>
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="mb-3 border-l-[5px] border-[#f47738] bg-[#fef0e7] px-3 py-2">
      <p className="mb-1 font-bold">
        {record.state === "sending" ? "Sending…" : "Waiting to be sent. It will be sent when you have a connection."}
      </p>
      <AttendanceValues values={entered} session={session} title="You entered" />
    </div>
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

  // A record not yet accepted (waiting or refused) is what the supervisor last entered: the form starts from it.
  const pending = unsent?.body as AttendanceBody | undefined;
  const start = pending ?? (saved ? { ...saved, note: saved.note } : null);
  const openForm = () => {
    setDraft(start);
    setErrors([]);
    setOpen(true);
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = bodyFrom(new FormData(event.currentTarget), prefix, saved, pending);
    const problems = problemsWith(body, session);
    // Drawn at once, so the problem box exists to take the focus (screen readers hear it first).
    flushSync(() => setErrors(problems));
    if (!body || problems.length > 0) {
      document.getElementById(`${prefix}problems`)?.focus();
      return;
    }
    // Optimistic locking: a correction names the version it changes, so the office's change is not
    // overwritten unseen. The outbox merges it with this person's pending record (latest wins).
    if (saved) body.version = saved.version;
    setOpen(false);
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
      <SavedSummary saved={saved} waiting={unsent !== undefined} session={session} />
      {unsent && <UnsentNotice record={unsent} name={name} session={session} onChange={openForm} />}
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
          onChange={(event) => setDraft(bodyFrom(new FormData(event.currentTarget), prefix, saved, pending))}
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
          <RadioGroup
            name={`${prefix}outcome`}
            legend="What happened?"
            choices={outcomeChoices}
            defaultValue={start?.outcome}
            error={errorFor("outcome")}
          />
          {attended && (
            <>
              <div className="flex flex-wrap gap-x-6 *:min-w-0 *:max-w-full">
                <TimeField
                  name={`${prefix}arrivedAt`}
                  label="Arrived"
                  defaultValue={start?.arrivedAt ?? session.startTime}
                  error={errorFor("arrivedAt")}
                />
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
              <SelectField
                name={`${prefix}workQuality`}
                label="Quality of work"
                options={ratingOptions}
                placeholder="Choose"
                defaultValue={start?.workQuality ?? ""}
                error={errorFor("workQuality")}
              />
              <SelectField
                name={`${prefix}behaviour`}
                label="Behaviour"
                options={ratingOptions}
                placeholder="Choose"
                defaultValue={start?.behaviour ?? ""}
                error={errorFor("behaviour")}
              />
            </>
          )}
          <p className="mb-4 font-bold" aria-live="polite">
            {creditText(draft, session)}
          </p>
          <TextArea
            name={`${prefix}note`}
            label="Note (optional)"
            hint={
              saved?.noteHidden
                ? "A sensitive note is already recorded. Anything you type here replaces it; leave it empty to keep it."
                : undefined
            }
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
