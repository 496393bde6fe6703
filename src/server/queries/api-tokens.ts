import "server-only";
import type { UserRole } from "@/generated/prisma/enums";
import { db } from "@/server/db/client";

// Reads for the administrator's API token pages. Never selects tokenHash: the page has no use for it.

export const API_TOKENS_PER_PAGE = 50;

export type ApiTokenStatus = "ACTIVE" | "REVOKED" | "EXPIRED";

export type ApiTokenRow = {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: ApiTokenStatus;
  user: { id: string; name: string; email: string; role: UserRole; active: boolean; regionName: string | null };
};

const TOKEN_SELECT = {
  id: true,
  name: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true, role: true, active: true, region: { select: { name: true } } } },
} as const;

type SelectedToken = {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; name: string; email: string; role: UserRole; active: boolean; region: { name: string } | null };
};

function toRow(token: SelectedToken, now: Date): ApiTokenRow {
  const status: ApiTokenStatus = token.revokedAt
    ? "REVOKED"
    : token.expiresAt && token.expiresAt <= now
      ? "EXPIRED"
      : "ACTIVE";
  const { region, ...user } = token.user;
  return { ...token, status, user: { ...user, regionName: region?.name ?? null } };
}

/** Every API token, those still usable first, newest first. */
export async function listApiTokens(options: { page: number; now?: Date }) {
  const now = options.now ?? new Date();
  const usable = { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const [total, usableCount, tokens] = await Promise.all([
    db.apiToken.count(),
    db.apiToken.count({ where: usable }),
    db.apiToken.findMany({
      select: TOKEN_SELECT,
      // Usable tokens first: revoked ones have revokedAt set, so nulls-first puts the rest on top.
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      skip: (options.page - 1) * API_TOKENS_PER_PAGE,
      take: API_TOKENS_PER_PAGE,
    }),
  ]);
  return {
    total,
    usableCount,
    tokens: tokens.map((token) => toRow(token, now)),
    pageCount: Math.max(1, Math.ceil(total / API_TOKENS_PER_PAGE)),
  };
}

/** One token for the revoke confirmation page, or null. */
export async function findApiToken(id: string, now = new Date()): Promise<ApiTokenRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const token = await db.apiToken.findUnique({ where: { id }, select: TOKEN_SELECT });
  return token ? toRow(token, now) : null;
}

/** Users a token can be made for: everyone who can sign in, by name. */
export async function listTokenUserChoices() {
  return db.user.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true, role: true, region: { select: { code: true } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
}
