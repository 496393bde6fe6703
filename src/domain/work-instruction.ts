// The work instruction (issue 4 §6): what a person on probation is told about one booked
// session — where, when, what to wear and bring, who to call, and what happens if they do not
// come (R8 outcomes and R9 enforcement, in plain English). Plain sections, so the printable
// page and the PDF say exactly the same thing.

import type { IsoDate } from "./dates";
import { formatDate, formatDateWithDay, formatHoursAndMinutes } from "./format";
import { DEFAULT_POLICY, type RulePolicy } from "./policy";

export interface WorkInstructionFacts {
  personName: string;
  crn: string;
  session: { date: IsoDate; startTime: string; endTime: string; pickUpPoint: string | null; pickUpTime: string | null };
  placement: {
    name: string;
    kind: "GROUP" | "INDIVIDUAL" | "INDUCTION" | "ETE";
    address: string | null;
    postcode: string | null;
    description: string | null;
    whatToBring: string | null;
  };
  office: { name: string; phone: string | null; email: string | null; region: string };
  issuedOn: IsoDate;
  /** The hours as they stand on the issue date; with the Sentencing Act 2026 s.37 in force, the reduction too. */
  hours?: HoursOnInstruction;
}

export interface HoursOnInstruction {
  /** Hours ordered × 60 less any confirmed earned reduction. */
  requiredMinutes: number;
  creditedMinutes: number;
  earnedReduction: {
    status: "NOT_IN_FORCE" | "NOT_YET_QUALIFIED" | "QUALIFIED" | "DISQUALIFIED";
    appliedMinutes: number;
    currentMinutes: number;
    projectedMinutes: number;
    qualifyingMinutes: number;
  } | null;
}

/** Sentencing Act 2026 s.37 in the person's words: hours required now, and the reduction so far and in prospect. */
export function hoursParagraphs(hours: HoursOnInstruction): string[] {
  const left = Math.max(0, hours.requiredMinutes - hours.creditedMinutes);
  const lines = [
    `You must work ${formatHoursAndMinutes(hours.requiredMinutes)} in all. You have done ${formatHoursAndMinutes(hours.creditedMinutes)}, so ${formatHoursAndMinutes(left)} are left.`,
  ];
  const r = hours.earnedReduction;
  if (!r || r.status === "NOT_IN_FORCE") return lines;
  if (r.appliedMinutes > 0)
    lines.push(`That includes ${formatHoursAndMinutes(r.appliedMinutes)} taken off your hours for working well.`);
  if (r.status === "NOT_YET_QUALIFIED") {
    lines.push(
      `Once you have worked ${formatHoursAndMinutes(r.qualifyingMinutes)} without missing a session without a good reason or being sent home for not working, every further hour you work takes half an hour off. You could have up to ${formatHoursAndMinutes(r.projectedMinutes)} taken off.`,
    );
  } else if (r.status === "QUALIFIED") {
    lines.push(
      `You have earned ${formatHoursAndMinutes(r.currentMinutes)} off so far, and could earn up to ${formatHoursAndMinutes(r.projectedMinutes)} in all. Your probation officer decides whether it is taken off.`,
    );
  }
  return lines;
}

export interface WorkInstructionSection {
  heading: string;
  paragraphs: string[];
}

export interface WorkInstruction {
  title: string;
  intro: string;
  sections: WorkInstructionSection[];
}

const GENERAL_KIT =
  "Wear clothes you can work in and that suit the weather. Bring any medication you need, and food and drink for the day.";

// R8, R9
export function workInstruction(facts: WorkInstructionFacts, policy: RulePolicy = DEFAULT_POLICY): WorkInstruction {
  const { session, placement, office } = facts;
  const address = [placement.address, placement.postcode].filter(Boolean).join(", ");
  const contact = [office.phone ? `phone ${office.phone}` : null, office.email ? `email ${office.email}` : null]
    .filter(Boolean)
    .join(" or ");
  const months = policy.warningLookbackMonths;

  const where = [`${placement.name}.`, address ? `Address: ${address}.` : "Your office will tell you the address."];
  if (session.pickUpPoint) {
    where.push(
      `You will be picked up from ${session.pickUpPoint}${session.pickUpTime ? ` at ${session.pickUpTime}` : ""}. Be there on time: the minibus cannot wait.`,
    );
  }
  if (placement.description) where.push(`What you will do: ${placement.description}`);

  const when = [
    `${formatDateWithDay(session.date)}, from ${session.startTime} to ${session.endTime}.`,
    "Arrive on time. If you arrive late you may be sent home, and only the time you work counts towards your hours.",
  ];

  return {
    title: placement.kind === "INDUCTION" ? "Your unpaid work induction" : "Your unpaid work instruction",
    intro: `${facts.personName} (case reference ${facts.crn}): you must attend the session below as part of your unpaid work. Issued on ${formatDate(facts.issuedOn)}.`,
    sections: [
      { heading: "Where", paragraphs: where },
      { heading: "When", paragraphs: when },
      ...(facts.hours ? [{ heading: "Your hours", paragraphs: hoursParagraphs(facts.hours) }] : []),
      {
        heading: "What to wear and bring",
        paragraphs: [
          placement.whatToBring?.trim() || GENERAL_KIT,
          "Do not come under the influence of alcohol or drugs.",
        ],
      },
      {
        heading: "Who to call",
        paragraphs: [
          `${office.name}, unpaid work team, ${office.region}${contact ? `: ${contact}` : ""}.`,
          "If you cannot come, call before the session starts and say why. You may be asked for evidence, for example a note from your doctor or your employer.",
        ],
      },
      {
        heading: "If you do not attend",
        paragraphs: [
          "If you miss the session without a reason that is accepted, or you are sent home because of your behaviour, or you do not work as you are told, that is a failure to comply with your order.",
          `For a failure to comply you will normally get a formal warning. If you fail to comply again within ${months} months of a warning, you can be taken back to court. The court can give you more hours, make your order stricter, or re-sentence you.`,
          "If the session is cancelled or you are sent home for a reason that is not your fault (for example bad weather), you will not be in trouble, and the time you were there counts towards your hours.",
        ],
      },
    ],
  };
}
