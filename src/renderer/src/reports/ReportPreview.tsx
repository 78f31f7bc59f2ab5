// Shows a report's pages in the app before saving, drawn with pdf.js on
// canvases (the PDF comes from main as base64; nothing touches the disk).

import { useEffect, useRef, useState } from 'react';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

function toBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function ReportPreview({ base64, title }: { base64: string; title: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const container = holder.current!;
    container.replaceChildren();
    const task = getDocument({ data: toBytes(base64), verbosity: 0 });
    task.promise
      .then(async (pdf) => {
        setPages(pdf.numPages);
        for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
          const page = await pdf.getPage(n);
          const viewport = page.getViewport({ scale: 1.3 });
          const canvas = document.createElement('canvas');
          canvas.width = viewport.width;
          canvas.height = viewport.height;
          canvas.setAttribute('aria-label', `${title}, pagina ${n} van ${pdf.numPages}`);
          canvas.setAttribute('role', 'img');
          container.appendChild(canvas);
          await page.render({ canvas, viewport }).promise;
        }
      })
      .catch((e: Error) => !cancelled && setError(`Het voorbeeld kan niet worden getoond: ${e.message}`));
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [base64, title]);

  return (
    <div className="report-preview">
      <p className="muted" role="status">
        {error ?? (pages ? `${pages} ${pages === 1 ? 'pagina' : "pagina's"}` : 'Voorbeeld laden…')}
      </p>
      <div ref={holder} className="report-pages" />
    </div>
  );
}
