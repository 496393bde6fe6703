import Link from "next/link";
import { formatDateWithDay } from "@/domain";
import { OUTCOME_INFO } from "@/domain/attendance-outcomes";
import type { AppUser } from "@/server/auth/access";
import { can } from "@/server/auth/access";
import { listCorrectableRecords } from "@/server/queries/case-records";
import { formatHoursAndMinutes } from "@/ui/format";
import { TableRegion } from "@/ui/table-region";

// Issue 13: the office corrects an attendance record (same form and service as the session
// page) or corrects or removes an ETE credit, from the case page. Its own section, so other
// additions to the case page stay apart.
export async function CaseCorrections({ user, caseId }: { user: AppUser; caseId: string }) {
  const mayCorrectAttendance = can(user, "attendance.record");
  const mayCorrectEte = can(user, "ete.correct");
  if (!mayCorrectAttendance && !mayCorrectEte) return null;
  const records = await listCorrectableRecords(user, caseId);
  if (!records || (records.attendances.length === 0 && records.eteCredits.length === 0)) return null;
  return (
    <section aria-labelledby="records-heading" className="mb-8">
      <h2 id="records-heading">Attendance and ETE records</h2>
      <p className="max-w-2xl">
        When evidence arrives or a record was wrong, correct it here. Hours done, absences and enforcement are worked
        out again, and the change is kept in the audit trail.
      </p>
      {mayCorrectAttendance && records.attendances.length > 0 && (
        <TableRegion label="Attendance records">
          <table>
            <caption className="text-left text-xl font-bold">Attendance records</caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Outcome</th>
                <th scope="col">Hours credited</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.attendances.map((a) => (
                <tr key={a.id}>
                  <td>
                    {formatDateWithDay(a.date)}, {a.times}
                    <span className="block">{a.placement}</span>
                  </td>
                  <td>{OUTCOME_INFO[a.outcome].label}</td>
                  <td>{formatHoursAndMinutes(a.minutesCredited)}</td>
                  <td>
                    <Link href={`/sessions/${a.sessionId}/attendance/${caseId}?from=case`}>
                      Correct<span className="sr-only"> the record for {formatDateWithDay(a.date)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {mayCorrectEte && records.eteCredits.length > 0 && (
        <TableRegion label="ETE credits">
          <table>
            <caption className="text-left text-xl font-bold">Education, training and employment (ETE) credits</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Activity</th>
                <th scope="col">Time</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.eteCredits.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateWithDay(c.date)}</td>
                  <td>{c.activity}</td>
                  <td>{formatHoursAndMinutes(c.minutes)}</td>
                  <td>
                    <Link href={`/cases/${caseId}/ete-credit/${c.id}`}>
                      Correct or remove<span className="sr-only"> the ETE credit of {formatDateWithDay(c.date)}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
