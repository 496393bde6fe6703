import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/server/auth/current-user";
import { getRiskCodeForAdmin } from "@/server/queries/admin";
import { formatNumber } from "@/ui/format";
import { PageHeading } from "@/ui/page-heading";
import { ChangeRiskCodeForm, RetireRiskCodeForm } from "../risk-code-forms";

export const metadata: Metadata = { title: "Change a risk code" };

/** Change a code's meaning, or retire it; assessments already recorded keep their meaning (decision 0074). */
export default async function RiskCodePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin.reference");
  const { id } = await params;
  const riskCode = await getRiskCodeForAdmin(id);
  if (!riskCode) notFound();
  return (
    <>
      <p className="mb-6">
        <Link href="/admin/risk-codes">Back to risk codes</Link>
      </p>
      <PageHeading caption="Risk codes">{`${riskCode.code}: ${riskCode.title}`}</PageHeading>
      <div className="mb-8 border-l-[10px] border-border bg-panel p-4">
        <p className="m-0">
          {formatNumber(riskCode.recorded)} {riskCode.recorded === 1 ? "assessment has" : "assessments have"} this code
          {riskCode.earlierWording > 0
            ? `, ${formatNumber(riskCode.earlierWording)} of them with an earlier wording`
            : ""}
          . A change applies to codes recorded from now on: an assessment already recorded keeps the meaning it was
          recorded with, and its safety checks do not change. To apply the new meaning to a person, their officer
          removes the code from the assessment and adds it again.
        </p>
      </div>
      <ChangeRiskCodeForm riskCode={riskCode} />
      <hr className="my-8 border-border" />
      <RetireRiskCodeForm riskCode={riskCode} />
    </>
  );
}
