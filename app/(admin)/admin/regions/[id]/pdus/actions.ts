"use server";

import { formAction } from "@/server/actions/form-action";
import { addPdu } from "@/server/services/pdus/add-pdu";
import { addPduInput, renamePduInput } from "@/server/services/pdus/pdus.types";
import { renamePdu } from "@/server/services/pdus/rename-pdu";
import type { FormState } from "@/ui/form/form-state";

const submitNew = formAction({
  permission: "admin.reference",
  schema: addPduInput,
  fromForm: (form) => ({
    regionId: form.text("regionId") ?? "",
    code: form.text("code") ?? "",
    name: form.text("name") ?? "",
  }),
  messages: { code: "Enter a short code for the PDU, for example WAL-CAR", name: "Enter the PDU's name" },
  run: (user, input) => addPdu(user, input),
  // The form sits on the PDUs page itself: stay there (its table is revalidated) and confirm in place.
  onSuccess: (pdu) => ({
    revalidate: ["/admin/regions", `/admin/regions/${pdu.regionId}/pdus`],
    notice: `${pdu.name} added.`,
  }),
});

export async function addPduAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitNew(previous, form);
}

const submitRename = formAction({
  permission: "admin.reference",
  schema: renamePduInput,
  fromForm: (form) => ({
    pduId: form.text("pduId") ?? "",
    version: form.number("version"),
    name: form.text("name") ?? "",
  }),
  messages: { name: "Enter the PDU's name" },
  run: (user, input) => renamePdu(user, input),
  onSuccess: (pdu) => ({
    redirectTo: `/admin/regions/${pdu.regionId}/pdus`,
    revalidate: ["/admin/regions"],
    notice: `PDU ${pdu.code} is now called ${pdu.name}.`,
  }),
});

export async function renamePduAction(previous: FormState, form: FormData): Promise<FormState> {
  return submitRename(previous, form);
}
