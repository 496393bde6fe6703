import { issueApiToken } from "@/server/auth/api-tokens";
import { testDb } from "./db";

/**
 * A bearer token for each of the people given, under the same key: `issueStaffTokens(staff)` gives
 * `{ coordinator, manager, supervisor }` tokens for makeRegionalStaff's people. `name` labels the tokens.
 */
export async function issueStaffTokens<Key extends string>(
  people: Record<Key, { id: string }>,
  name = "test",
): Promise<Record<Key, string>> {
  const tokens = {} as Record<Key, string>;
  for (const [key, person] of Object.entries(people) as [Key, { id: string }][])
    tokens[key] = (await issueApiToken(testDb, { userId: person.id, name, expiresAt: null })).token;
  return tokens;
}
