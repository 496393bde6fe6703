import type { Metadata } from "next";
import Link from "next/link";
import { PASSWORD_MIN_LENGTH } from "@/domain/password-rules";
import { passwordLinkIsOpen } from "@/server/queries/password-links";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

/** The page a one-time link opens (decision 0073): anyone with the link may set the account's password, once. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await passwordLinkIsOpen(token);
  return (
    <>
      <header className="border-b-[10px] border-brand bg-ink text-white">
        <div className="width-container py-4 text-2xl font-bold">Community Payback</div>
      </header>
      <div className="width-container">
        <main id="main-content" tabIndex={-1} className="max-w-xl py-10 outline-none">
          <h1 className="text-4xl font-bold">{open ? "Set your password" : "This link cannot be used"}</h1>
          {open ? (
            <SetPasswordForm token={token} minLength={PASSWORD_MIN_LENGTH} />
          ) : (
            <>
              <p>
                It has expired, has already been used, or a newer link has been made. Ask an administrator for a new
                one.
              </p>
              <p>
                <Link href="/sign-in">Go to sign in</Link>
              </p>
            </>
          )}
        </main>
      </div>
    </>
  );
}
