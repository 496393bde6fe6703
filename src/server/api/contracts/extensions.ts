import { z } from "zod";
import { extensionView, recordExtensionBody } from "@/server/services/extensions/record-extension.types";
import { defineRoute } from "../route-spec";

export const recordExtensionRoute = defineRoute({
  method: "POST",
  path: "/api/v1/cases/{id}/extensions",
  tag: "Cases",
  summary: "Record a court's extension of the period for the work (R3: the new end date must be later)",
  permission: "extension.record",
  params: z.object({ id: z.uuid() }),
  body: recordExtensionBody,
  response: extensionView,
  status: 201,
});
