import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";

// The one A4 layout every letter and instruction PDF shares: margins, type sizes, line height,
// wrapping and page breaks. pdf-lib's standard Helvetica needs no font files on disk.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const LINE = 1.4;
export const BODY_SIZE = 11;

/** Standard fonts encode WinAnsi only; anything else becomes its closest plain character. */
export function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text.normalize("NFKD")]
    .map((ch) => (supported.has(ch.codePointAt(0) ?? 0) ? ch : ch === "\u2192" ? "->" : /\p{M}/u.test(ch) ? "" : "?"))
    .join("");
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export type PdfWriter = {
  /** Writes wrapped text, starting a new page when the current one is full, then leaves `gapAfter` points. */
  write: (text: string, style: "body" | "bold" | { size: number; bold?: boolean }, gapAfter?: number) => void;
  /** Extra vertical space. */
  gap: (points: number) => void;
  save: () => Promise<Uint8Array>;
};

/** An A4 document with the service's metadata, and a writer that flows text down its pages. */
export async function a4Document(title: string): Promise<PdfWriter> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setLanguage("en-GB");
  pdf.setCreator("Community Payback case management");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4.width - 2 * MARGIN;
  let page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;

  const write: PdfWriter["write"] = (text, style, gapAfter = 0) => {
    const size = style === "body" || style === "bold" ? BODY_SIZE : style.size;
    const font = style === "bold" || (typeof style === "object" && style.bold) ? bold : regular;
    for (const line of wrap(printable(text, font), font, size, width)) {
      if (y - size < MARGIN) {
        page = pdf.addPage([A4.width, A4.height]);
        y = A4.height - MARGIN;
      }
      page.drawText(line, { x: MARGIN, y: y - size, size, font, color: rgb(0.04, 0.05, 0.05) });
      y -= size * LINE;
    }
    y -= gapAfter;
  };
  return {
    write,
    gap: (points) => {
      y -= points;
    },
    save: () => pdf.save(),
  };
}
