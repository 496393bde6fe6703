import type { Metadata } from "next";
import { transferDestinations } from "@/server/queries/transfers";
import { CaseFormHeading, loadCaseFormPage, NotActiveMessage } from "../case-form-page";
import { TransferForm } from "./transfer-form";

export const metadata: Metadata = { title: "Transfer to another region" };

// A case moves to another region only when that region's manager accepts (decision 0050).
export default async function TransferPage({ params }: { params: Promise<{ id: string }> }) {
  const { caseForForm } = await loadCaseFormPage(params, "transfer.request");
  const regions = await transferDestinations(caseForForm.regionId);
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Transfer to another region" />
      {caseForForm.status !== "ACTIVE" ? (
        <NotActiveMessage caseForForm={caseForForm} />
      ) : (
        <>
          <p className="max-w-2xl">
            A manager of the other region decides. Until they accept, the case stays with your region and you keep
            booking and recording it. Sessions already worked stay in your region&apos;s history; any booked session
            still waiting for an outcome must be recorded or cancelled before the case can move.
          </p>
          <TransferForm caseId={caseForForm.id} regions={regions} />
        </>
      )}
    </>
  );
}
