// The rules a new password must meet when a user sets one with a reset link (decision 0073).
// Length, not complexity: a long passphrase ("three random words") is both stronger and easier to
// remember than a short password with forced symbols. The upper bound stops a huge body from
// tying up the password hashing.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** The problem with a proposed password, in plain English, or null when it meets the rules. */
export function passwordProblem(password: string, account: { email: string }): string | null {
  const length = [...password].length;
  if (length === 0) return "Enter a new password";
  if (length < PASSWORD_MIN_LENGTH) return `Your password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  if (password.trim() !== password) return "Your password must not start or end with a space";
  if (new Set(password).size < 4)
    return "Your password must not repeat the same few characters; try three random words";
  const lower = password.toLowerCase();
  const mailbox = account.email.toLowerCase().split("@")[0] ?? "";
  if (lower === account.email.toLowerCase() || (mailbox.length >= 4 && lower.includes(mailbox))) {
    return "Your password must not contain your email address";
  }
  return null;
}
