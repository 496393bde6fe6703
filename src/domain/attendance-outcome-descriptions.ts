import type { AttendanceOutcome } from "./attendance-outcomes";

// R8 What each attendance outcome means, and its nDelius code. Kept apart from OUTCOME_INFO
// (attendance-outcomes.ts), which the supervisor's phone downloads: these words are read only on
// the office's pages and in tests, and the roster's JavaScript budget is 150 kB.

export interface OutcomeDescription {
  /** Null where docs/domain.md §4 gives none: nDelius records accepted absences under reason-specific codes. */
  ndeliusCode: string | null;
  meaning: string;
}

export const OUTCOME_DESCRIPTIONS: Readonly<Record<AttendanceOutcome, OutcomeDescription>> = {
  ATTENDED_COMPLIED: {
    ndeliusCode: "ATTC",
    meaning: "Came and worked as instructed. Time worked is credited; the first one starts the requirement.",
  },
  ATTENDED_FAILED_TO_COMPLY: {
    ndeliusCode: "AFTC",
    meaning:
      "Came but refused work, made poor effort or broke the rules. Time worked is credited; it is a failure to comply.",
  },
  ATTENDED_SENT_HOME_BEHAVIOUR: {
    ndeliusCode: "ATSH",
    meaning:
      "Sent home because of their behaviour. Time before being sent home is credited; it is a failure to comply.",
  },
  ATTENDED_SENT_HOME_SERVICE: {
    ndeliusCode: "ATSS",
    meaning:
      "Sent home for a reason of ours (over-subscribed, no supervisor, weather). Time present is credited; not the person's fault.",
  },
  ACCEPTABLE_ABSENCE: {
    ndeliusCode: null,
    meaning:
      "Absent with a reason accepted (with a reason category and a note). No time credited. From the 3rd on a requirement it needs a manager's approval.",
  },
  UNACCEPTABLE_ABSENCE: {
    ndeliusCode: "UAAB",
    meaning: "Absent without an acceptable reason. No time credited; it is a failure to comply.",
  },
};
