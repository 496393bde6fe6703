import type { RequirementStatus, TerminationReason } from "@/generated/prisma/enums";
import { REQUIREMENT_STATUS_LABEL, TERMINATION_REASON_LABEL } from "./labels";
import { Tag } from "./tag";

export type CaseFlags = {
  /** A consecutive case whose earlier order has not ended: it cannot start yet (order-sequence.ts). */
  waitingForEarlierOrder?: boolean;
  lateStart: boolean;
  inBacklog: boolean;
  dormant: boolean;
  openBreach: boolean;
  underWarrant: boolean;
  /** R9: a failure to comply waits for a warning or breach (DUE), past its due date (OVERDUE). */
  enforcement?: "DUE" | "OVERDUE" | null | undefined;
};

/** The warning flags of a case as tags; the words carry the meaning (see domain R2, R4, R5, R9). */
export function CaseFlagTags({
  flags,
  whenNone = <span className="text-secondary">None</span>,
}: {
  flags: CaseFlags;
  whenNone?: React.ReactNode;
}) {
  const tags: { key: string; text: string; colour: "orange" | "red" | "yellow" | "purple" | "grey" }[] = [];
  if (flags.waitingForEarlierOrder)
    tags.push({ key: "waiting", text: "Waiting for the previous order", colour: "grey" });
  if (flags.lateStart) tags.push({ key: "late", text: "Not started by deadline", colour: "orange" });
  if (flags.inBacklog) tags.push({ key: "backlog", text: "Backlog", colour: "red" });
  if (flags.dormant) tags.push({ key: "dormant", text: "Dormant", colour: "yellow" });
  if (flags.underWarrant) tags.push({ key: "warrant", text: "Under warrant", colour: "purple" });
  else if (flags.openBreach) tags.push({ key: "breach", text: "Open breach", colour: "red" });
  if (flags.enforcement === "OVERDUE")
    tags.push({ key: "enforcement", text: "Warning or breach overdue", colour: "red" });
  else if (flags.enforcement === "DUE")
    tags.push({ key: "enforcement", text: "Warning or breach due", colour: "orange" });
  if (tags.length === 0) return whenNone;
  return (
    <ul className="m-0 flex list-none flex-wrap gap-1 p-0">
      {tags.map((tag) => (
        <li key={tag.key}>
          <Tag colour={tag.colour}>{tag.text}</Tag>
        </li>
      ))}
    </ul>
  );
}

/** A requirement's status as a tag, with the termination reason in words when there is one. */
export function RequirementStatusTag({
  status,
  terminationReason,
}: {
  status: RequirementStatus;
  terminationReason?: TerminationReason | null;
}) {
  const colour = status === "ACTIVE" ? "blue" : status === "COMPLETED" ? "green" : "grey";
  return (
    <>
      <Tag colour={colour}>{REQUIREMENT_STATUS_LABEL[status]}</Tag>
      {status === "TERMINATED" && terminationReason && (
        <span className="block text-base text-secondary">{TERMINATION_REASON_LABEL[terminationReason]}</span>
      )}
    </>
  );
}
