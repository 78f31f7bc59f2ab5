import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ParsedPdf {
  pages: number;
  /** Text per page, items joined with spaces. */
  pageTexts: string[];
  text: string;
  info: Record<string, unknown>;
}

/** Parses a PDF back with pdf.js: page count, text per page and the info dictionary. */
export async function parsePdf(data: Buffer | Uint8Array): Promise<ParsedPdf> {
  const task = getDocument({ data: new Uint8Array(data), useSystemFonts: false });
  const doc = await task.promise;
  const pageTexts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pageTexts.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  const meta = await doc.getMetadata();
  await task.destroy();
  return { pages: pageTexts.length, pageTexts, text: pageTexts.join('\n'), info: meta.info as Record<string, unknown> };
}
