import Link from "next/link";
import { Tag } from "@/ui/tag";

/** One headline figure: its number (a link to the cases behind it), what it means, and its target where there is one. */
export function FigureCard(props: {
  title: string;
  figure: string;
  href?: string;
  linkText?: string;
  detail?: React.ReactNode;
  definition: string;
  target?: { text: string; met: boolean };
}) {
  return (
    <li className="summary-card flex flex-col break-inside-avoid">
      <h2 className="mb-2 text-xl sm:text-2xl">{props.title}</h2>
      <p className="mb-2 text-4xl font-bold sm:text-5xl">{props.figure}</p>
      {props.detail && <div className="mb-2">{props.detail}</div>}
      <p className="mb-2 text-base">{props.definition}</p>
      {props.target && (
        <p className="mb-2 text-base">
          {props.target.text}{" "}
          {props.target.met ? <Tag colour="green">Meets target</Tag> : <Tag colour="red">Misses target</Tag>}
        </p>
      )}
      {props.href && (
        <p className="mb-0 mt-auto text-base no-print">
          <Link href={props.href}>{props.linkText ?? `See the cases: ${props.title.toLowerCase()}`}</Link>
        </p>
      )}
    </li>
  );
}
