/** Counts page objects in a PDF written by pdfkit (page dictionaries are not compressed). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page(?![s\w])/g)?.length ?? 0;
}
