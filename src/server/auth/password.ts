import bcrypt from "bcryptjs";

// bcryptjs is pure JavaScript: no native build or postinstall step on a fresh machine
// (docs/decisions/0005-authentication.md).
const COST = 10;

export const hashPassword = (plain: string): Promise<string> => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string): Promise<boolean> => bcrypt.compare(plain, hash);

// A hash of a random secret at the same cost, made once per process: checking a password against
// it takes as long as checking a real account's, and can never succeed.
let dummyHash: Promise<string> | undefined;

/** Spends the same bcrypt work as a real check, for an account that does not exist. Always false. */
export async function dummyPasswordCheck(plain: string): Promise<false> {
  dummyHash ??= bcrypt.hash(`no account ${Math.random()} ${Date.now()}`, COST);
  await bcrypt.compare(plain, await dummyHash);
  return false;
}
