import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { PageHeading } from "@/ui/page-heading";
import { NewRiskCodeForm } from "../risk-code-forms";

export const metadata: Metadata = { title: "Add a risk code" };

export default async function NewRiskCodePage() {
  await requirePageUser("admin.reference");
  return (
    <>
      <p className="mb-6">
        <Link href="/admin/risk-codes">Back to risk codes</Link>
      </p>
      <PageHeading caption="Reference data">Add a risk code</PageHeading>
      <NewRiskCodeForm />
    </>
  );
}
