import { MANAGED_BY_LABEL } from "@/ui/labels";

/** The dashboard's filters as a GET form, so the chosen view is in the URL (bookmark, share). */
export function FiltersForm(props: {
  action: string;
  national: boolean;
  regions: { code: string; name: string }[];
  pdus: { id: string; name: string }[];
  values: { region?: string; pdu?: string; teamType?: string; asOf: string };
  today: string;
  hidden?: Record<string, string>;
  /** Words for the form, the date and the button (the trends page says "Up to" and "Show trends"). */
  wording?: { form: string; asOf: string; submit: string };
}) {
  const wording = props.wording ?? { form: "Choose the figures", asOf: "Figures as of", submit: "Show figures" };
  const { values } = props;
  return (
    <form
      method="get"
      action={props.action}
      className="no-print mb-8 flex flex-wrap items-end gap-4 bg-panel p-4"
      aria-label={wording.form}
    >
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.national && (
        <div>
          <label className="label" htmlFor="region">
            Region
          </label>
          <select id="region" name="region" defaultValue={values.region ?? ""} className="input w-auto">
            <option value="">All regions</option>
            {props.regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label className="label" htmlFor="pdu">
          Probation delivery unit (PDU)
        </label>
        <select id="pdu" name="pdu" defaultValue={values.pdu ?? ""} className="input w-auto">
          <option value="">All PDUs</option>
          {props.pdus.map((pdu) => (
            <option key={pdu.id} value={pdu.id}>
              {pdu.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="teamType">
          Team
        </label>
        <select id="teamType" name="teamType" defaultValue={values.teamType ?? ""} className="input w-auto">
          <option value="">Both team types</option>
          {Object.entries(MANAGED_BY_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="asOf">
          {wording.asOf}
        </label>
        <input
          id="asOf"
          name="asOf"
          type="date"
          defaultValue={values.asOf}
          max={props.today}
          className="input w-auto"
        />
      </div>
      <button type="submit" className="button">
        {wording.submit}
      </button>
    </form>
  );
}
