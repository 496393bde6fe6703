import type { Metadata } from "next";
import { requirePageUser } from "@/server/auth/current-user";
import { listBankHolidayYears, listBankHolidays } from "@/server/queries/admin";
import { isoDateInLondon, todayInLondon } from "@/domain/dates";
import { policyOn } from "@/domain/policy";
import { PageHeading } from "@/ui/page-heading";
import { TableRegion } from "@/ui/table-region";
import { Tag } from "@/ui/tag";
import { formatDate, formatWeekdayDate } from "@/ui/format";
import { AddBankHolidayForm, ImportBankHolidaysForm, RemoveBankHolidayButton } from "./bank-holiday-forms";

export const metadata: Metadata = { title: "Bank holidays" };

function yearFrom(value: string | string[] | undefined, fallback: number): number {
  const year = typeof value === "string" && /^\d{4}$/.test(value) ? Number(value) : fallback;
  return year >= 1978 && year <= 9999 ? year : fallback;
}

/** England & Wales bank holidays that working-day rules skip, one year at a time. */
export default async function BankHolidaysPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("admin.reference");
  const today = todayInLondon();
  const thisYear = Number(today.slice(0, 4));
  const year = yearFrom((await searchParams).year, thisYear);
  const [years, holidays] = await Promise.all([listBankHolidayYears(), listBankHolidays(year)]);
  const yearOptions = years.includes(year) ? years : [...years, year].sort((a, b) => b - a);

  return (
    <>
      <PageHeading caption="Reference data">Bank holidays</PageHeading>
      <p>
        Working days are Monday to Friday except these dates. They are skipped when counting the{" "}
        {policyOn(today).startWorkingDays} working days to a start deadline. The app ships with the England and Wales
        dates to 2030; add a newly proclaimed holiday below, or import GOV.UK&apos;s file. Only future dates can be
        added or removed, so deadlines people were already held to do not move. Every change is audited.
      </p>

      <form method="get" className="mb-8 flex flex-wrap items-end gap-4">
        <div>
          <label className="label" htmlFor="year">
            Year
          </label>
          <select id="year" name="year" defaultValue={String(year)} className="input w-auto">
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          Show year
        </button>
      </form>

      {holidays.length === 0 ? (
        <p>There are no bank holidays recorded for {year}.</p>
      ) : (
        <TableRegion label={`Bank holidays in ${year}`}>
          <table>
            <caption>
              Bank holidays in {year} ({holidays.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Holiday</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holidays.map((holiday) => (
                <tr key={holiday.date}>
                  <td className="whitespace-nowrap">
                    {formatWeekdayDate(holiday.date)} {holiday.date.slice(0, 4)}
                  </td>
                  <td>{holiday.name}</td>
                  <td>
                    {holiday.source === "SHIPPED" ? (
                      "Shipped with the app"
                    ) : (
                      <>
                        <Tag colour="blue">Added by an administrator</Tag>
                        <span className="block text-secondary">
                          on {formatDate(isoDateInLondon(holiday.createdAt))}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    {holiday.date > today && (
                      <RemoveBankHolidayButton
                        date={holiday.date}
                        label={`${holiday.name}, ${formatDate(holiday.date)}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <div className="grid max-w-5xl gap-x-12 lg:grid-cols-2">
        <section aria-labelledby="add-heading">
          <h2 id="add-heading">Add a bank holiday</h2>
          <AddBankHolidayForm />
        </section>
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">Import from GOV.UK</h2>
          <ImportBankHolidaysForm />
        </section>
      </div>
    </>
  );
}
