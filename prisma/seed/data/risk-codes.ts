import type { PlacementFeature } from "@/generated/prisma/enums";

// The national risk-code catalogue (docs/domain.md §2). Guidance is written for a supervisor
// reading it on a phone at the start of a work party: what it means on site, what to do.
// `conflictsWith` lists the placement features the allocation check (R10) refuses without
// a manager's override.

export type RiskCodeSeed = {
  code: string;
  title: string;
  guidance: string;
  conflictsWith: readonly PlacementFeature[];
};

export const RISK_CODES: readonly RiskCodeSeed[] = [
  {
    code: "RC",
    title: "Risk to children",
    guidance:
      "Must not work where children are present or likely to be, such as school grounds or play areas during opening hours. If children arrive on site, move the person to another task away from them and tell the office.",
    conflictsWith: ["CHILDREN_PRESENT"],
  },
  {
    code: "RW",
    title: "Risk to women",
    guidance:
      "Must not be placed where women work alone with them or on women-only placements. Keep them in the main group within sight of the supervisor, and report any comments or behaviour towards women to the office the same day.",
    conflictsWith: ["FEMALE_ONLY", "LONE_WORKING"],
  },
  {
    code: "RS",
    title: "Risk to staff",
    guidance:
      "Has threatened or harmed staff before. Do not be alone with them, keep your phone charged and the office told where you are; if they become threatening, stop the task, keep your distance and call the office or 999.",
    conflictsWith: ["LONE_WORKING"],
  },
  {
    code: "VW",
    title: "Violence or weapon use",
    guidance:
      "Has a history of violence or carrying weapons. Hand out and collect sharp or heavy tools yourself and count them back in; search is not your job, but report anything that looks like a weapon to the office at once.",
    conflictsWith: ["LONE_WORKING"],
  },
  {
    code: "DA",
    title: "Domestic abuse perpetrator",
    guidance:
      "Convicted of or known for domestic abuse. Do not share personal details of other people on the group with them, and tell the office if a partner or ex-partner turns up at the site.",
    conflictsWith: [],
  },
  {
    code: "SO",
    title: "Registered sex offender",
    guidance:
      "On the sex offenders register. Must not work where children or vulnerable adults are present; keep them within your sight and tell the office straight away if they leave the site or have contact with anyone who is not on the group.",
    conflictsWith: ["CHILDREN_PRESENT", "VULNERABLE_ADULTS"],
  },
  {
    code: "MAPPA",
    title: "Managed under MAPPA",
    guidance:
      "Managed by police and probation together because of the risk they pose. Follow any extra instructions on the work instruction exactly, and report lateness, absence or anything unusual to the office the same day, not at the end of the week.",
    conflictsWith: ["LONE_WORKING"],
  },
  {
    code: "SH",
    title: "Self-harm or suicide risk",
    guidance:
      "Has harmed themselves or talked about suicide. Check in with them during the day; if they talk about ending their life or seem at immediate risk, do not leave them alone and call the office or 999.",
    conflictsWith: [],
  },
  {
    code: "MED",
    title: "Medical condition affecting safe tool use",
    guidance:
      "Has a condition (for example epilepsy, a heart condition or poor grip) that makes power or sharp tools unsafe. Give them tasks without such tools and make sure they have had a break and water on hot days.",
    conflictsWith: ["TOOLS"],
  },
  {
    code: "SUB",
    title: "Substance misuse",
    guidance:
      "Has misused drugs or alcohol. If they seem under the influence, do not let them use tools or get in the minibus; send them home, record it as sent home for behaviour and tell the office.",
    conflictsWith: [],
  },
  {
    code: "NA",
    title: "Non-association (named people)",
    guidance:
      "Must not work alongside certain named people (see the case notes for who). Check the group list before the session starts and call the office if a named person is booked on the same session.",
    conflictsWith: [],
  },
];
