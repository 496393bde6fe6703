import bcrypt from "bcryptjs";

// bcryptjs is pure JavaScript: no native build or postinstall step on a fresh machine
// (docs/decisions/0005-authentication.md).
const COST = 10;

export const hashPassword = (plain: string): Promise<string> => bcrypt.hash(plain, COST);
export const verifyPassword = (plain: string, hash: string): Promise<boolean> => bcrypt.compare(plain, hash);
