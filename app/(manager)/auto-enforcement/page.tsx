import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/server/auth/current-user";
import { findRegionName, loadAutoEnforcement } from "@/server/queries/regions";
import { PageHeading } from "@/ui/page-heading";
import { AutoEnforcementForm } from "./auto-enforcement-form";

export const metadata: Metadata = { title: "Auto-enforcement" };

// R9: a regional manager sees and changes their region's auto-enforcement switch (audited).
export default async function AutoEnforcementPage() {
  const user = await requirePageUser("region.autoEnforcement");
  const regionId = user.regionId ?? "";
  const [setting, regionName] = await Promise.all([loadAutoEnforcement(regionId), findRegionName(regionId)]);
  const on = setting.scope === "region" ? setting.on : false;
  const version = setting.scope === "region" ? setting.version : 1;
  return (
    <>
      <p className="mb-6">
        <Link href="/dashboard">Back to the dashboard</Link>
      </p>
      <PageHeading caption={regionName ?? undefined}>Auto-enforcement</PageHeading>
      <p className="max-w-2xl">
        It is <strong>{on ? "on" : "off"}</strong>. When it is on, recording a failure to comply creates the warning at
        once, or a breach referral when a warning on the order was given in the last 12 months. A warning whose failure
        is later corrected to an acceptable absence is withdrawn automatically either way.
      </p>
      <AutoEnforcementForm on={on} version={version} />
    </>
  );
}
