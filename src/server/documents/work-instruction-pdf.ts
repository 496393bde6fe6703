import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { WorkInstruction } from "@/domain/work-instruction";

// The work instruction as an A4 PDF, from the same sections as the printable page (so the two
// never say different things). pdf-lib's standard Helvetica needs no font files on disk.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const BODY = 11;
const LINE = 1.4;

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

export async function workInstructionPdf(instruction: WorkInstruction): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(instruction.title);
  pdf.setLanguage("en-GB");
  pdf.setCreator("Community Payback case management");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4.width - 2 * MARGIN;
  let page = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;

  const write = (text: string, font: PDFFont, size: number, gapAfter: number) => {
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

  write(instruction.title, bold, 20, 8);
  write(instruction.intro, regular, BODY, 10);
  for (const section of instruction.sections) {
    write(section.heading, bold, 14, 2);
    for (const paragraph of section.paragraphs) write(paragraph, regular, BODY, 6);
    y -= 6;
  }
  return pdf.save();
}
