import { ABSENCE_REASON_LABELS } from "@/domain/attendance-outcomes";
import { todayInLondon } from "@/domain/dates";
import { policyOn } from "@/domain/policy";
import type { PendingApproval } from "@/server/queries/pending-approvals";
import { formatDate } from "@/ui/format";

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"] as const;

/** R8: from which accepted absence a manager must approve, in words ("third"). */
export function firstAbsenceNeedingApproval(): string {
  const n = policyOn(todayInLondon()).acceptedAbsencesBeforeApproval + 1;
  return ORDINALS[n - 1] ?? `${n}th`;
}

/** What the manager is asked to agree to, in words. */
export function WhatIsAsked({ approval }: { approval: PendingApproval }) {
  const { absence, booking } = approval;
  let ask: string;
  if (approval.kind === "ACCEPTED_ABSENCE") {
    ask = absence
      ? `Accept the absence on ${formatDate(absence.date)}${absence.reasonCategory ? `, reason: ${ABSENCE_REASON_LABELS[absence.reasonCategory]}` : ""}. It is their ${firstAbsenceNeedingApproval()} or later accepted absence, so it is treated as unacceptable until you decide.`
      : `Accept a ${firstAbsenceNeedingApproval()} or later accepted absence.`;
  } else if (approval.kind === "RISK_OVERRIDE") {
    ask = booking
      ? `Allow a booking on ${booking.placementName} on ${formatDate(booking.date)} at ${booking.startTime}, although one of their risk codes conflicts with the placement.`
      : "Allow a booking although one of their risk codes conflicts with the placement.";
  } else if (approval.kind === "BOOKING_OVERRIDE") {
    ask = booking
      ? `Book them on ${booking.placementName} on ${formatDate(booking.date)} at ${booking.startTime}, although the booking was refused because the session is full, the supervisor has too many people, or a risk rule. If you approve, the booking is made at once and every other check is run again.`
      : "Book them on a session although a risk or capacity rule refused it.";
  } else {
    ask = booking
      ? `Allow a person assessed as high or very high risk of serious harm on the individual placement ${booking.placementName} on ${formatDate(booking.date)}.`
      : "Allow a person assessed as high or very high risk of serious harm on an individual placement.";
  }
  return (
    <>
      <p className="mb-1">{ask}</p>
      {absence?.note && <p className="mb-1 whitespace-pre-line text-secondary">Note: {absence.note}</p>}
      {approval.reason && <p className="mb-0 whitespace-pre-line text-secondary">Reason given: {approval.reason}</p>}
    </>
  );
}
