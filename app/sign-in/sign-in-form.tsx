"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { ErrorSummary, type FieldError } from "@/ui/error-summary";
import { TextField } from "@/ui/form/fields";

const MESSAGES: Record<string, string> = {
  INVALID_CREDENTIALS: "Enter a correct email address and password",
  TOO_MANY_ATTEMPTS: "You have entered the wrong password too many times. Wait 15 minutes, then try again",
};

export function SignInForm({ returnTo = null }: { returnTo?: string | null }) {
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
    router.replace(returnTo ?? "/");
    router.refresh();
  }

  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      <h1>Sign in</h1>
      <p>Sign in with your work email address to manage unpaid work.</p>
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        width="20"
        error={errorFor("email")}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        width="20"
        error={errorFor("password")}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
