import {
  ruleCommencementsBody,
  ruleCommencementsView,
} from "@/server/services/rule-commencements/set-rule-commencements.types";
import { defineRoute } from "../route-spec";

export const getRuleCommencementsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/admin/rule-commencements",
  tag: "Administration",
  summary:
    "The Sentencing Act 2026 commencement dates (s.36 no 12-month period, s.37 earned reduction); null while not in force",
  permission: "admin.reference",
  response: ruleCommencementsView,
});

export const putRuleCommencementsRoute = defineRoute({
  method: "PUT",
  path: "/api/v1/admin/rule-commencements",
  tag: "Administration",
  summary: "Record the Sentencing Act 2026 commencement dates (audited); every screen, figure and answer follows them",
  permission: "admin.reference",
  body: ruleCommencementsBody,
  response: ruleCommencementsView,
  status: 200,
});
