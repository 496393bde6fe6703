type Colour = "grey" | "blue" | "green" | "red" | "orange" | "yellow" | "purple";

const COLOURS: Record<Colour, string> = {
  grey: "bg-[#ebeff1] text-[#2b3236]",
  blue: "bg-[#d2e2f1] text-[#0c2d4a]",
  green: "bg-[#cce2d8] text-[#005a30]",
  red: "bg-[#f4cdc6] text-[#2a0b06]",
  orange: "bg-[#fcd6c3] text-[#6e3619]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
  purple: "bg-[#dbd5e9] text-[#3d2375]",
};

/** A GOV.UK-style tag; the words carry the meaning, colour only supports them. */
export function Tag({ children, colour = "grey" }: { children: React.ReactNode; colour?: Colour }) {
  return <strong className={`tag ${COLOURS[colour]}`}>{children}</strong>;
}

export type RagRating = "RED" | "AMBER" | "GREEN";

export function RagTag({ rag }: { rag: RagRating | null }) {
  if (!rag) return null;
  const colour: Colour = rag === "RED" ? "red" : rag === "AMBER" ? "orange" : "green";
  const label = rag === "RED" ? "Red" : rag === "AMBER" ? "Amber" : "Green";
  return <Tag colour={colour}>{label}</Tag>;
}
