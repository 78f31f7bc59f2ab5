// Helpers for showing how phones join (issue 16), shared by the presenter's
// Telefoons panel and the audience screen.

/**
 * The QR code main made (an SVG document from the qrcode library) as a data:
 * URL for an <img>: the browser draws it as an image, so no markup from the
 * string ever enters the page's DOM (no scripts, no event handlers, no
 * external references), and the CSP allows img-src data:.
 */
export function qrDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The address as people type it: phones' browsers add http:// themselves. */
export function shortAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** The address as typed, breaking only before the room code. */
export function Address({ url }: { url: string }) {
  const address = shortAddress(url);
  const slash = address.indexOf('/');
  if (slash <= 0) return <>{address}</>;
  return (
    <>
      <span className="nowrap">{address.slice(0, slash)}</span>
      <wbr />
      <span className="nowrap">{address.slice(slash)}</span>
    </>
  );
}
