"use client";

import Link from "next/link";
import { formatDateTime } from "../api-tokens/format-time";

/**
 * The one-time link to set a password, shown to the administrator this once (decision 0073): only a
 * fingerprint is stored, so it cannot be shown again. It is never emailed by the service.
 */
export function PasswordLinkShownOnce({
  heading,
  name,
  path,
  expiresAt,
  userId,
}: {
  heading: string;
  name: string;
  path: string;
  expiresAt: string;
  userId: string;
}) {
  const url = new URL(path, window.location.origin).toString();
  return (
    <>
      <div className="mb-8 bg-success p-6 text-white">
        <h2 className="m-0 text-3xl font-bold">{heading}</h2>
      </div>
      <div role="alert" aria-labelledby="link-now-title" className="mb-8 border-l-[10px] border-ink bg-panel p-4">
        <h2 id="link-now-title" className="mt-0 text-2xl font-bold">
          Give {name} this link now: it will not be shown again
        </h2>
        <p>
          With it, {name} sets their own password. It works once, until {formatDateTime(expiresAt)}. Nobody, including
          you, ever sees the password. Pass the link on in person, by phone or by a message only they can read.
        </p>
        <label htmlFor="password-link" className="label">
          Link to set a password
        </label>
        <input
          id="password-link"
          readOnly
          value={url}
          className="input w-full font-mono"
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <p>
        <Link href={`/admin/users/${userId}`}>Go to {name}&rsquo;s details</Link>
      </p>
      <p>
        <Link href="/admin/users">Back to users</Link>
      </p>
    </>
  );
}
