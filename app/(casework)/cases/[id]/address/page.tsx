import type { Metadata } from "next";
import { CaseFormHeading, loadCaseFormPage } from "../case-form-page";
import { AddressForm } from "./address-form";

export const metadata: Metadata = { title: "Record an address" };

// The person's address, with its history (letters use the address current on their date).
export default async function AddressPage({ params }: { params: Promise<{ id: string }> }) {
  const { caseForForm } = await loadCaseFormPage(params, "person.address");
  return (
    <>
      <CaseFormHeading caseForForm={caseForForm} title="Record an address" />
      <AddressForm caseId={caseForForm.id} today={caseForForm.asOf} />
    </>
  );
}
