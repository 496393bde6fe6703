import "server-only";
import type { WarningLetter } from "@/domain/warning-letter";
import { a4Document } from "./pdf-layout";

// The R9 warning letter as an A4 PDF, from the same words as the printable page.

export async function warningLetterPdf(input: {
  letter: WarningLetter;
  personName: string;
  regionName: string;
  dateWords: string;
}): Promise<Uint8Array> {
  const doc = await a4Document(input.letter.title);
  doc.write(`Probation Service, ${input.regionName}`, "body");
  doc.write(input.dateWords, "body", 14);
  for (const line of input.letter.addressBlock) doc.write(line, "body");
  doc.gap(14);
  doc.write(input.letter.title, { size: 16, bold: true }, 8);
  doc.write(`Dear ${input.personName},`, "body", 6);
  for (const paragraph of input.letter.paragraphs) doc.write(paragraph, "body", 6);
  doc.write(
    "Keep to the instructions you are given, and if you cannot attend a session, tell us before it starts and show us evidence of the reason.",
    "body",
    6,
  );
  for (const line of input.letter.signOff) doc.write(line, "body", 6);
  doc.gap(20);
  doc.write("Signed on behalf of the Probation Service", "body");
  return doc.save();
}
