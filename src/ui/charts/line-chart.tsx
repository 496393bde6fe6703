import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { TableRegion } from "@/ui/table-region";

// A line chart drawn on the server as SVG (d3-scale and d3-shape do the arithmetic; no
// JavaScript reaches the browser). The SVG is one labelled image whose description states
// the first, last, highest and lowest values; the same figures are always available as a
// table beneath it (issue 6: every chart also has a data table). See decision 0012.

export type ChartPoint = { label: string; value: number };
export type ChartTable = { headers: readonly string[]; rows: readonly (readonly string[])[] };

type LineChartProps = {
  id: string;
  title: string;
  points: readonly ChartPoint[];
  /** How a value reads in words and on the axis, e.g. "3.4%" or "1,250". */
  format: (value: number) => string;
  target?: { value: number; label: string };
  table: ChartTable;
};

const WIDTH = 720;
const HEIGHT = 300;
const MARGIN = { top: 16, right: 24, bottom: 40, left: 64 };

function describe(
  points: readonly ChartPoint[],
  format: (value: number) => string,
  target?: { value: number; label: string },
): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "No figures for this period.";
  const highest = points.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = points.reduce((a, b) => (b.value < a.value ? b : a));
  return [
    `From ${format(first.value)} in ${first.label} to ${format(last.value)} in ${last.label}.`,
    `Highest ${format(highest.value)} (${highest.label}), lowest ${format(lowest.value)} (${lowest.label}).`,
    target ? `${target.label}.` : "",
  ]
    .join(" ")
    .trim();
}

export function LineChart({ id, title, points, format, target, table }: LineChartProps) {
  const values = points.map((p) => p.value);
  const top = Math.max(1, ...values, target?.value ?? 0);
  const y = scaleLinear()
    .domain([0, top])
    .nice(5)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = scalePoint<string>()
    .domain(points.map((p) => p.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.3);
  const path =
    line<ChartPoint>()
      .x((p) => x(p.label) ?? 0)
      .y((p) => y(p.value))(points as ChartPoint[]) ?? "";
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure className="m-0 mb-8">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-3xl"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{describe(points, format, target)}</desc>
        <g aria-hidden="true" fontSize="14" fill="#0b0c0c">
          {y.ticks(5).map((tick) => (
            <g key={tick}>
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(tick)}
                y2={y(tick)}
                stroke="#b1b4b6"
                strokeWidth="1"
              />
              <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
                {format(tick)}
              </text>
            </g>
          ))}
          {points.map((p) => (
            <text key={p.label} x={x(p.label)} y={HEIGHT - MARGIN.bottom + 24} textAnchor="middle">
              {p.label.split(" ")[0]}
            </text>
          ))}
          {target && (
            <g>
              <line
                x1={MARGIN.left}
                x2={WIDTH - MARGIN.right}
                y1={y(target.value)}
                y2={y(target.value)}
                stroke="#d4351c"
                strokeWidth="2"
                strokeDasharray="8 6"
              />
              <text x={WIDTH - MARGIN.right} y={y(target.value) - 6} textAnchor="end" fill="#b2290e" fontWeight="bold">
                {target.label}
              </text>
            </g>
          )}
          <path d={path} fill="none" stroke="#1d70b8" strokeWidth="3" />
          {points.map((p) => (
            <circle key={p.label} cx={x(p.label)} cy={y(p.value)} r="4.5" fill="#1d70b8" />
          ))}
        </g>
      </svg>
      <details className="mt-2">
        <summary className="cursor-pointer text-lg text-link underline">Show the figures as a table</summary>
        <TableRegion label={`${title}: table`}>
          <table>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {table.headers.map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row[0]}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </figure>
  );
}
