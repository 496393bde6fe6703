import "server-only";
import type { WorkInstruction } from "@/domain/work-instruction";
import { a4Document } from "./pdf-layout";

// The work instruction as an A4 PDF, from the same sections as the printable page (so the two
// never say different things).

export async function workInstructionPdf(instruction: WorkInstruction): Promise<Uint8Array> {
  const doc = await a4Document(instruction.title);
  doc.write(instruction.title, { size: 20, bold: true }, 8);
  doc.write(instruction.intro, "body", 10);
  for (const section of instruction.sections) {
    doc.write(section.heading, { size: 14, bold: true }, 2);
    for (const paragraph of section.paragraphs) doc.write(paragraph, "body", 6);
    doc.gap(6);
  }
  return doc.save();
}
