import "server-only";
import { randomBytes } from "node:crypto";
import { assertCan, type AppUser } from "@/server/auth/access";
import { hashPassword } from "@/server/auth/password";
import { audit } from "@/server/audit";
import type { ServiceOptions } from "../context";
import { invalidInput, success, type CommandResult } from "../result";
import { inTransaction } from "../transaction";
import { checkRoleAndRegion } from "./access-rules";
import { issuePasswordLink } from "./password-links";
import { createUserInput, userRecordSelect, type CreateUserInput, type IssuedPasswordLink } from "./users.types";

/**
 * An administrator adds a user. The account starts with no password anyone knows (a hash of a
 * random secret that is thrown away); the administrator is shown, once, a link with which the
 * user sets their own (decision 0073). Audited with the new record.
 */
export async function createUser(
  actor: AppUser,
  raw: CreateUserInput,
  options?: ServiceOptions & { now?: Date },
): Promise<CommandResult<IssuedPasswordLink>> {
  assertCan(actor, "admin.reference");
  const input = createUserInput.parse(raw);
  const unusable = await hashPassword(randomBytes(32).toString("base64url"));
  return inTransaction(options, async (tx) => {
    const problem = await checkRoleAndRegion(tx, input.role, input.regionId);
    if (problem) return problem;
    const taken = await tx.user.findFirst({
      where: { email: { equals: input.email, mode: "insensitive" } },
      select: { id: true },
    });
    if (taken) return invalidInput("email", "A user with this email address already exists");
    const user = await tx.user.create({
      data: {
        name: input.name,
        email: input.email,
        role: input.role,
        regionId: input.regionId,
        passwordHash: unusable,
      },
      select: userRecordSelect,
    });
    await audit(tx, actor, {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      regionId: user.regionId,
      after: user,
    });
    const link = await issuePasswordLink(tx, actor, user.id, options?.now);
    return success({ user, ...link });
  });
}
