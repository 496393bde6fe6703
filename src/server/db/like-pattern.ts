// Prisma sends `contains` and `startsWith` to PostgreSQL as LIKE/ILIKE patterns without escaping
// them, so a search for "%" or "_" would match everyone. Backslash is PostgreSQL's default LIKE
// escape character.

/** The text as a LIKE pattern that matches exactly these characters. */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);
