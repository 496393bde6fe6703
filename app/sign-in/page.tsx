import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/server/auth/current-user";
import { ROLE_HOME } from "@/server/auth/roles";
import { safeReturnPath } from "@/ui/return-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const user = await getSessionUser();
  // Back to the page the sign-in interrupted (e.g. a roster), never to another site.
  const returnTo = safeReturnPath((await searchParams).callbackUrl, (await headers()).get("host"));
  if (user) redirect(ROLE_HOME[user.role]);
  return (
    <>
      <header className="border-b-[10px] border-brand bg-ink text-white">
        <div className="width-container py-4 text-2xl font-bold">Community Payback</div>
      </header>
      <div className="width-container">
        <main id="main-content" tabIndex={-1} className="max-w-xl py-10 outline-none">
          <SignInForm returnTo={returnTo} />
        </main>
      </div>
    </>
  );
}
