"use server";

import { formAction } from "@/server/actions/form-action";
import { changeUserAccess } from "@/server/services/users/change-user-access";
import { createUser } from "@/server/services/users/create-user";
import { issuePasswordReset } from "@/server/services/users/issue-password-reset";
import { setUserActive } from "@/server/services/users/set-user-active";
import {
  changeUserAccessInput,
  createUserInput,
  issuePasswordLinkInput,
  setUserActiveInput,
} from "@/server/services/users/users.types";
import type { FormState } from "@/ui/form/form-state";

// "" in the region list means "All regions" (national leads and administrators).
const regionFrom = (value: string | undefined): string | null =>
  value === undefined || value === "" || value === "ALL" ? null : value;

const submitNewUser = formAction({
  permission: "admin.reference",
  schema: createUserInput,
  fromForm: (form) => ({
    name: form.text("name") ?? "",
    email: form.text("email") ?? "",
    role: form.text("role") ?? "",
    regionId: regionFrom(form.text("regionId")),
  }),
  messages: {
    name: "Enter the user's full name",
    email: "Enter the user's email address",
    role: "Choose the user's role",
    regionId: "Choose a region from the list",
  },
  run: (user, input) => createUser(user, input),
  // Stays on the page: the link to set a password is shown this once, and never again.
  onSuccess: (issued) => ({
    revalidate: ["/admin/users"],
    data: { path: issued.path, expiresAt: issued.expiresAt, name: issued.user.name, userId: issued.user.id },
  }),
});

export async function createUserAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitNewUser(previous, form);
}

const submitAccess = formAction({
  permission: "admin.reference",
  schema: changeUserAccessInput,
  fromForm: (form) => ({
    userId: form.text("userId") ?? "",
    version: form.number("version"),
    role: form.text("role") ?? "",
    regionId: regionFrom(form.text("regionId")),
  }),
  messages: { role: "Choose the user's role", regionId: "Choose a region from the list" },
  run: (user, input) => changeUserAccess(user, input),
  // Stays on the user's page (its data is revalidated) and confirms in place.
  onSuccess: (changed) => ({
    revalidate: ["/admin/users", `/admin/users/${changed.id}`],
    notice: `${changed.name}'s role and region saved. They have been signed out everywhere and sign in again with the new access.`,
  }),
});

export async function changeUserAccessAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitAccess(previous, form);
}

const submitActive = formAction({
  permission: "admin.reference",
  schema: setUserActiveInput,
  fromForm: (form) => ({
    userId: form.text("userId") ?? "",
    version: form.number("version"),
    active: form.text("active") === "true",
  }),
  run: (user, input) => setUserActive(user, input),
  onSuccess: (changed) => ({
    revalidate: ["/admin/users", `/admin/users/${changed.id}`],
    notice: changed.active
      ? `${changed.name} can sign in again.`
      : `${changed.name} is deactivated and has been signed out everywhere.`,
  }),
});

export async function setUserActiveAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitActive(previous, form);
}

const submitReset = formAction({
  permission: "admin.reference",
  schema: issuePasswordLinkInput,
  fromForm: (form) => ({ userId: form.text("userId") ?? "", version: form.number("version") }),
  run: (user, input) => issuePasswordReset(user, input),
  onSuccess: (issued) => ({
    revalidate: ["/admin/users", `/admin/users/${issued.user.id}`],
    data: { path: issued.path, expiresAt: issued.expiresAt, name: issued.user.name, userId: issued.user.id },
  }),
});

export async function issuePasswordResetAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitReset(previous, form);
}
