import { z } from "zod";
import { UserRole } from "@/generated/prisma/enums";
import { defineRoute } from "../route-spec";

export const currentUser = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(UserRole),
    region: z.string().nullable().describe("Region code, e.g. LON; null for national leads and administrators."),
  })
  .meta({ title: "CurrentUser" });

export const meRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me",
  tag: "Authentication",
  permission: "self.read",
  summary: "Who the caller is: id, email, name, role and region code",
  response: currentUser,
});
