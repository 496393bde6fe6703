import { AccessError } from "@/server/auth/access";
import { requireUser } from "@/server/auth/current-user";
import { figureCasesCsv } from "@/server/queries/dashboard-cases";
import { loadFigureCasesForUser } from "@/server/queries/manager-pages";
import { drillDownViewRecord, recordView } from "@/server/view-audit";

export const dynamic = "force-dynamic";

// GET /dashboard/cases/export?figure=…: exactly the drill-down list (all pages, same sort) as CSV.
// Managers for their region, the national lead for any; audited as a view of personal data.
export async function GET(request: Request) {
  try {
    const user = await requireUser("dashboard.cases");
    const drill = await loadFigureCasesForUser(user, Object.fromEntries(new URL(request.url).searchParams), "csv");
    await recordView(user, drillDownViewRecord("csv", drill));
    const { query, filters, list } = drill;
    const name = `${query.figure}-${filters.region ?? (user.role === "NATIONAL_LEAD" ? "all-regions" : (user.regionCode ?? "region"))}-${filters.asOf}.csv`;
    // A UTF-8 byte-order mark first, so Excel reads the file as UTF-8 and shows "Zoë", not "ZoÃ«".
    return new Response(`\uFEFF${figureCasesCsv(list)}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessError) {
      return new Response(error.status === 404 ? "Not found" : error.message, {
        status: error.status === 403 ? 404 : error.status,
      });
    }
    throw error;
  }
}
