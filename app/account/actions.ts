"use server";

import { z } from "zod";
import { formAction } from "@/server/actions/form-action";
import { signOutEverywhereCommand } from "@/server/auth/sign-out-everywhere";
import type { FormState } from "@/ui/form/form-state";

// Ends every sign-in of the signed-in person, on every device; the button then goes to sign-in.
const submitSignOutEverywhere = formAction({
  permission: "self.read",
  schema: z.object({}).strict(),
  fromForm: () => ({}),
  run: (user) => signOutEverywhereCommand(user),
  onSuccess: () => ({}),
});

export async function signOutEverywhereAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitSignOutEverywhere(previous, form);
}
