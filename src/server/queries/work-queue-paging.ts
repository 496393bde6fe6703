import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db/client";

// How the work queue and the reviews-due list page: 25 rows a page, a page past the end shows the
// last one, and each list counted in full.

/** Each work-queue section shows this many rows a page; every list is paged to its end (issue 13). */
export const WORK_QUEUE_ROWS = 25;

/** A page number kept within the list (past the end shows the last page), and the rows to skip. */
export function pageOf(requested: number | undefined, total: number) {
  const pageCount = Math.max(1, Math.ceil(total / WORK_QUEUE_ROWS));
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1)), pageCount);
  return { page, pageCount, skip: (page - 1) * WORK_QUEUE_ROWS };
}

export const pagesOf = (list: { total: number; page: number; pageCount: number }) => ({
  total: list.total,
  page: list.page,
  pageCount: list.pageCount,
});

export async function section<T>(
  where: Prisma.RequirementWhereInput,
  requested: number | undefined,
  load: (where: Prisma.RequirementWhereInput, skip: number) => Promise<T[]>,
) {
  const total = await db.requirement.count({ where });
  const { page, pageCount, skip } = pageOf(requested, total);
  return { total, page, pageCount, rows: await load(where, skip) };
}
