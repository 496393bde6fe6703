import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import type { WarningLetter } from "@/domain/warning-letter";
import { printable, wrap } from "./work-instruction-pdf";

// The R9 warning letter as an A4 PDF, from the same words as the printable page.

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const BODY = 11;
const LINE = 1.4;

export async function warningLetterPdf(input: { letter: WarningLetter; personName: string; regionName: string; dateWords: string }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(input.letter.title);
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
  write(`Probation Service, ${input.regionName}`, regular, BODY, 0);
  write(input.dateWords, regular, BODY, 14);
  for (const line of input.letter.addressBlock) write(line, regular, BODY, 0);
  y -= 14;
  write(input.letter.title, bold, 16, 8);
  write(`Dear ${input.personName},`, regular, BODY, 6);
  for (const paragraph of input.letter.paragraphs) write(paragraph, regular, BODY, 6);
  write("Keep to the instructions you are given, and if you cannot attend a session, tell us before it starts and show us evidence of the reason.", regular, BODY, 6);
  for (const line of input.letter.signOff) write(line, regular, BODY, 6);
  y -= 20;
  write("Signed on behalf of the Probation Service", regular, BODY, 0);
  return pdf.save();
}
