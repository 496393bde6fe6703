import { commandReply } from "@/server/api/command-result";
import { getRuleCommencementsRoute, putRuleCommencementsRoute } from "@/server/api/contracts/rule-commencements";
import { apiRoute } from "@/server/api/handler";
import {
  getRuleCommencements,
  setRuleCommencements,
} from "@/server/services/rule-commencements/set-rule-commencements";

export const dynamic = "force-dynamic";

export const GET = apiRoute(getRuleCommencementsRoute, async ({ user }) =>
  commandReply(await getRuleCommencements(user)),
);

export const PUT = apiRoute(putRuleCommencementsRoute, async ({ user, body, transaction }) =>
  commandReply(await transaction((tx) => setRuleCommencements(user, body, { tx }))),
);
