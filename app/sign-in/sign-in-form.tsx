"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { ErrorSummary, type FieldError } from "@/ui/error-summary";

const MESSAGES: Record<string, string> = {
  INVALID_CREDENTIALS: "Enter a correct email address and password",
  TOO_MANY_ATTEMPTS: "You have entered the wrong password too many times. Wait 15 minutes, then try again",
};

export function SignInForm() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!email.trim()) found.push({ field: "email", message: "Enter your email address" });
    if (!password) found.push({ field: "password", message: "Enter your password" });
    setErrors(found);
    if (found.length > 0) return;
    setPending(true);
    const result = await signIn("credentials", { email, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      const message = MESSAGES[result?.error ?? ""] ?? MESSAGES.INVALID_CREDENTIALS ?? "Sign in failed";
      setErrors([{ field: "email", message }]);
      setPassword("");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <h1>Sign in</h1>
      <p>Sign in with your work email address to manage unpaid work.</p>
      <div className={`mb-6 ${errorFor("email") ? "border-l-[5px] border-error pl-4" : ""}`}>
        <label htmlFor="email" className="label">
          Email address
        </label>
        {errorFor("email") && (
          <p id="email-error" className="error-message">
            <span className="sr-only">Error:</span> {errorFor("email")}
          </p>
        )}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          className={`input max-w-md ${errorFor("email") ? "border-error" : ""}`}
          value={email}
          aria-describedby={errorFor("email") ? "email-error" : undefined}
          aria-invalid={errorFor("email") ? true : undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className={`mb-6 ${errorFor("password") ? "border-l-[5px] border-error pl-4" : ""}`}>
        <label htmlFor="password" className="label">
          Password
        </label>
        {errorFor("password") && (
          <p id="password-error" className="error-message">
            <span className="sr-only">Error:</span> {errorFor("password")}
          </p>
        )}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          className={`input max-w-md ${errorFor("password") ? "border-error" : ""}`}
          value={password}
          aria-describedby={errorFor("password") ? "password-error" : undefined}
          aria-invalid={errorFor("password") ? true : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
