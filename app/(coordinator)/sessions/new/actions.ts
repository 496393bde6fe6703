"use server";

import { formAction, type FormReader } from "@/server/actions/form-action";
import { createSession } from "@/server/services/sessions/create-session";
import { createSessionInput } from "@/server/services/sessions/create-session.types";
import { createSessionSeries } from "@/server/services/sessions/create-session-series";
import { createSessionSeriesInput } from "@/server/services/sessions/create-session-series.types";
import type { FormState } from "@/ui/form/form-state";

/** The fields both kinds of form share. */
const common = (form: FormReader) => ({
  placementId: form.text("placementId") ?? "",
  startTime: form.text("startTime") ?? "",
  endTime: form.text("endTime") ?? "",
  supervisorId: form.text("supervisorId") ?? null,
  capacity: form.number("capacity") ?? null,
  pickUpPoint: form.text("pickUpPoint") ?? null,
  pickUpTime: form.text("pickUpTime") ?? null,
});
const messages = {
  placementId: "Choose the placement",
  date: "Enter the date of the session",
  fromDate: "Enter the date of the first session",
  toDate: "Enter the date of the last session",
  startTime: "Enter the start time, for example 09:00",
  endTime: "Enter the end time, for example 16:00",
  capacity: "Enter the number of places as a whole number, or leave it empty to use the placement's",
  pickUpTime: "Enter the pick-up time, for example 08:30",
};

const submitSession = formAction({
  permission: "session.create",
  schema: createSessionInput,
  fromForm: (form) => ({
    ...common(form),
    date: form.text("date") ?? "",
    bankHolidayConfirmed: form.boolean("bankHolidayConfirmed"),
  }),
  messages,
  run: (user, input) => createSession(user, input),
  onSuccess: (session) => ({
    redirectTo: `/sessions/${session.id}`,
    notice: "Session added.",
    revalidate: ["/sessions", `/placements/${session.placementId}`],
  }),
});

const submitSeries = formAction({
  permission: "session.create",
  schema: createSessionSeriesInput,
  fromForm: (form) => ({
    ...common(form),
    fromDate: form.text("fromDate") ?? "",
    toDate: form.text("toDate") ?? "",
    weekday: form.number("weekday"),
  }),
  messages: { ...messages, weekday: "Choose the day of the week" },
  run: (user, input) => createSessionSeries(user, input),
  onSuccess: (series, input) => ({
    redirectTo: `/placements/${input.placementId}`,
    notice: series.message,
    revalidate: ["/sessions", `/placements/${input.placementId}`],
  }),
});

export async function createSessionAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitSession(previous, form);
}

export async function createSessionSeriesAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitSeries(previous, form);
}
