import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ageOn, isoDateFromUtcDate, isSsoSupervisionEndedIncomplete } from "@/domain";
import { can } from "@/server/auth/access";
import { orNotFound, requirePageUser } from "@/server/auth/current-user";
import { loadCaseDetail } from "@/server/queries/case-detail";
import { caseFlagsOf } from "@/server/queries/cases";
import { enforcementStateByCase } from "@/server/queries/enforcement-due";
import { CaseFlagTags, RequirementStatusTag } from "@/ui/case-flags";
import { caseViewRecord, recordView } from "@/server/view-audit";
import { CaseTimeline } from "@/ui/case-timeline";
import { formatDate, formatHoursAndMinutes } from "@/ui/format";
import { ETE_REASON_LABEL, GENDER_LABEL, MANAGED_BY_LABEL, ORDER_TYPE_LABEL, ROSH_LABEL } from "@/ui/labels";
import { PageHeading } from "@/ui/page-heading";
import { SummaryList } from "@/ui/summary-list";
import { RagTag, Tag } from "@/ui/tag";
import { BookingConflicts } from "./booking-conflicts";
import { CaseActions } from "./case-actions";
import { ProjectedCompletion } from "./projected-completion";
import { PersonRequirementsSection } from "./person-requirements";
import { loadPersonRequirements } from "@/server/queries/person-requirements";
import { loadCaseReviews } from "@/server/queries/reviews-due";
import { CaseReviewsSection } from "./case-reviews";
import { EarnedReductionPanel } from "./earned-reduction-panel";
import { CaseTransfersSection } from "./case-transfers";
import { listCaseTransfers } from "@/server/queries/transfers";
import { CaseCorrections } from "./case-corrections";

export const metadata: Metadata = { title: "Case" };

function KeyFigure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-card">
      <dt className="text-base text-secondary">{label}</dt>
      <dd className="m-0 text-xl font-bold">{children}</dd>
    </div>
  );
}

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("case.read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const detail = await orNotFound(loadCaseDetail(user, id.data));
  await recordView(user, caseViewRecord("case-page", detail));
  const personRequirements = await loadPersonRequirements(user, detail.id, detail.asOf);
  const reviews = await loadCaseReviews(user, detail.id, detail.asOf);
  const transfers = await listCaseTransfers(user, detail.id);
  const { person, order, assessment, view } = detail;
  const dateOfBirth = isoDateFromUtcDate(person.dateOfBirth);
  const enforcement = await enforcementStateByCase(user, [detail.id]);
  const flags = { ...caseFlagsOf(view), enforcement: enforcement.get(detail.id) ?? null };
  const eteUsed = view.minutesEte;
  const supervisionEnd = order.supervisionPeriodEndsOn ? isoDateFromUtcDate(order.supervisionPeriodEndsOn) : null;
  const operationalEnd = order.operationalPeriodEndsOn ? isoDateFromUtcDate(order.operationalPeriodEndsOn) : null;
  const supervisionEnded = isSsoSupervisionEndedIncomplete({
    orderType: order.type,
    status: detail.status,
    supervisionPeriodEndsOn: supervisionEnd,
    asOf: detail.asOf,
  });

  return (
    <>
      <p className="mb-6">
        <Link href="/cases">Back to cases</Link>
      </p>
      <PageHeading caption={`CRN ${person.crn}`}>
        {person.firstName} {person.lastName}
      </PageHeading>
      <div className="mb-6 flex flex-wrap items-start gap-2">
        <RequirementStatusTag status={detail.status} terminationReason={detail.terminationReason} />
        {detail.restricted && <Tag colour="purple">Restricted case</Tag>}
        {supervisionEnded && <Tag colour="red">Supervision period ended with work outstanding</Tag>}
        <CaseFlagTags flags={flags} whenNone={null} />
      </div>
      {detail.status === "ACTIVE" && (
        <p className="mb-6 flex flex-wrap gap-x-6">
          <Link href={`/cases/${detail.id}/allocate`}>Allocate to a session</Link>
          <Link href={`/cases/${detail.id}/work-instruction`}>Work instructions</Link>
          <Link href={`/cases/${detail.id}/schedule`}>Schedule of all booked sessions</Link>
        </p>
      )}

      <BookingConflicts user={user} caseId={detail.id} />

      <h2 className="sr-only">Key figures</h2>
      <dl className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <KeyFigure label="Hours ordered">{formatHoursAndMinutes(view.hoursOrdered * 60)}</KeyFigure>
        {view.earnedReduction.status !== "NOT_IN_FORCE" && (
          <KeyFigure label="Hours required now">
            {formatHoursAndMinutes(view.requiredMinutes)}
            {view.earnedReduction.appliedMinutes > 0 && (
              <span className="block text-base font-normal">
                {formatHoursAndMinutes(view.earnedReduction.appliedMinutes)} earned off
              </span>
            )}
          </KeyFigure>
        )}
        <KeyFigure label="Hours done">{formatHoursAndMinutes(view.minutesCredited)}</KeyFigure>
        <KeyFigure label="Hours left">{formatHoursAndMinutes(view.outstandingMinutes)}</KeyFigure>
        <KeyFigure label="ETE used">
          {assessment?.eteEligible ? (
            <>
              {formatHoursAndMinutes(eteUsed)}
              <span className="block text-base font-normal">
                {formatHoursAndMinutes(view.eteRemainingMinutes)} left
              </span>
            </>
          ) : (
            <span className="text-base font-normal">Not eligible for ETE</span>
          )}
        </KeyFigure>
        <KeyFigure label="Start deadline">
          {view.startDeadline ? (
            formatDate(view.startDeadline)
          ) : (
            <span className="text-base font-normal">Waiting for the previous order to finish</span>
          )}
        </KeyFigure>
        <KeyFigure label="Commenced on">
          {view.commencedOn ? formatDate(view.commencedOn) : <span className="text-base font-normal">Not started</span>}
          {view.commencedWithinDeadline === false && <span className="block text-base font-normal">Late start</span>}
        </KeyFigure>
        <KeyFigure label="End date">
          {view.twelveMonthPeriodApplies ? (
            <>
              {formatDate(view.effectiveEndDate)}
              {view.effectiveEndDate !== view.twelveMonthEnd && (
                <span className="block text-base font-normal">Extended by the court</span>
              )}
            </>
          ) : (
            <span className="text-base font-normal">
              No end date: the Sentencing Act 2026 removed the 12-month period
            </span>
          )}
        </KeyFigure>
        <KeyFigure label="Progress rating">
          {view.rag ? <RagTag rag={view.rag} /> : <span className="text-base font-normal">No hours outstanding</span>}
        </KeyFigure>
        <ProjectedCompletion view={view} />
      </dl>

      <EarnedReductionPanel caseId={detail.id} view={view} canDecide />

      <CaseActions user={user} detail={detail} />

      {personRequirements && (
        <PersonRequirementsSection
          data={personRequirements}
          addOrderHref={can(user, "case.create") ? `/cases/new?for=${detail.id}` : null}
        />
      )}
      <CaseTransfersSection
        caseId={detail.id}
        transfers={transfers}
        canRequest={detail.status === "ACTIVE" && can(user, "transfer.request")}
      />
      {reviews && <CaseReviewsSection caseId={detail.id} reviews={reviews} active={detail.status === "ACTIVE"} />}

      <CaseCorrections user={user} caseId={detail.id} />

      <div className="grid gap-x-8 lg:grid-cols-2">
        <section aria-labelledby="person-heading">
          <h2 id="person-heading">Person</h2>
          <SummaryList
            rows={[
              { key: "CRN", value: person.crn },
              { key: "Date of birth", value: `${formatDate(dateOfBirth)} (age ${ageOn(dateOfBirth, detail.asOf)})` },
              { key: "Gender", value: GENDER_LABEL[person.gender] },
              { key: "Ethnicity", value: person.ethnicity ?? "Not recorded" },
            ]}
          />
        </section>
        <section aria-labelledby="order-heading">
          <h2 id="order-heading">Order</h2>
          <SummaryList
            rows={[
              { key: "Type", value: ORDER_TYPE_LABEL[order.type] },
              { key: "Court", value: order.court },
              { key: "Sentence date", value: formatDate(order.sentenceDate) },
              ...(operationalEnd ? [{ key: "Operational period ends", value: formatDate(operationalEnd) }] : []),
              ...(supervisionEnd ? [{ key: "Supervision period ends", value: formatDate(supervisionEnd) }] : []),
              { key: "Managed by", value: MANAGED_BY_LABEL[order.managedBy] },
              { key: "PDU", value: detail.pdu?.name ?? "Not recorded" },
              { key: "Probation practitioner", value: order.practitionerName ?? "Not recorded" },
              { key: "Placement coordinator", value: detail.coordinator?.name ?? "Not assigned" },
              ...(detail.originalHoursOrdered !== detail.hoursOrdered
                ? [
                    {
                      key: "Hours first ordered",
                      value: `${detail.originalHoursOrdered} hours (the court has since changed them)`,
                    },
                  ]
                : []),
            ]}
          />
        </section>
      </div>

      <section aria-labelledby="assessment-heading">
        <h2 id="assessment-heading">Assessment and risk</h2>
        {!assessment ? (
          <p>The assessment has not been started. It must be complete before the first work session is booked.</p>
        ) : (
          <>
            <SummaryList
              rows={[
                {
                  key: "Assessment",
                  value: assessment.complete
                    ? `Complete${assessment.completedOn ? ` on ${formatDate(assessment.completedOn)}` : ""}`
                    : "In progress",
                },
                {
                  key: "Risk of serious harm (RoSH)",
                  value: assessment.rosh ? ROSH_LABEL[assessment.rosh] : "Not recorded",
                },
                {
                  key: "MAPPA",
                  value: assessment.mappaCategory
                    ? `Category ${assessment.mappaCategory}${assessment.mappaLevel ? `, level ${assessment.mappaLevel}` : ""}`
                    : "Not managed under MAPPA",
                },
                {
                  key: "ETE eligibility",
                  value: assessment.eteEligible
                    ? `Eligible${assessment.eteReason ? `: ${ETE_REASON_LABEL[assessment.eteReason].toLowerCase()}` : ""} (up to ${formatHoursAndMinutes(view.eteAllowanceMinutes)})`
                    : "Not eligible",
                },
                {
                  key: "Women-only placement",
                  value: assessment.womenOnlyPreference ? "Preferred" : "No preference recorded",
                },
              ]}
            />
            <h3>Risk codes</h3>
            {assessment.riskCodes.length === 0 ? (
              <p>No risk codes recorded.</p>
            ) : (
              <ul className="mb-8 list-none p-0">
                {assessment.riskCodes.map(({ riskCode, note, title, guidance }) => (
                  <li key={riskCode.code} className="mb-4 border-l-4 border-amber pl-4">
                    <p className="mb-1 font-bold">
                      {title} <span className="font-normal text-secondary">({riskCode.code})</span>
                    </p>
                    <p className="mb-1 whitespace-pre-wrap">{guidance}</p>
                    {note && <p className="mb-0 whitespace-pre-wrap text-secondary">Note: {note}</p>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <p className="text-secondary">
          Newest first.
          {detail.seesSensitive ? "" : " Sensitive notes are shown only to managers and the case coordinator."}
        </p>
        <CaseTimeline entries={detail.timeline} today={detail.asOf} />
      </section>
    </>
  );
}
