import "server-only";
import { formatDateWithDay } from "@/domain";
import { a4Document } from "./pdf-layout";

// A person's schedule (the work instruction for several sessions) as an A4 PDF, with the same
// words as the printable page.

export type ScheduleForPdf = {
  person: { firstName: string; lastName: string; crn: string };
  outstandingWords: string;
  sessions: {
    date: string;
    startTime: string;
    endTime: string;
    placement: string;
    address: string | null;
    pickUp: string | null;
    whatToBring: string | null;
  }[];
};

export const SCHEDULE_INTRO =
  "Come to every session below. If you cannot come, phone the office before the session starts.";

export async function schedulePdf(schedule: ScheduleForPdf): Promise<Uint8Array> {
  const name = `${schedule.person.firstName} ${schedule.person.lastName}`;
  const doc = await a4Document(`Your unpaid work sessions: ${name}`);
  doc.write("Your unpaid work sessions", { size: 20, bold: true }, 4);
  doc.write(`${name}, CRN ${schedule.person.crn}`, "body", 10);
  doc.write(`Hours still to do: ${schedule.outstandingWords}. ${SCHEDULE_INTRO}`, "body", 12);
  if (schedule.sessions.length === 0) doc.write("Nothing is booked from today.", "body");
  for (const s of schedule.sessions) {
    doc.write(`${formatDateWithDay(s.date)}, ${s.startTime} to ${s.endTime}`, { size: 13, bold: true }, 2);
    doc.write(`Where: ${s.placement}${s.address ? `, ${s.address}` : ""}`, "body", 2);
    if (s.pickUp) doc.write(`Pick-up: ${s.pickUp}`, "body", 2);
    if (s.whatToBring) doc.write(`What to wear and bring: ${s.whatToBring}`, "body", 2);
    doc.gap(10);
  }
  return doc.save();
}
