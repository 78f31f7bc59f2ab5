// The renderer's Content Security Policy, in one place: main sends it as a
// header, the test harness serves it the same way, and index.html carries
// the meta form (a test keeps the two equal). No inline scripts or styles,
// nothing from the network.

const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For the <meta> element (frame-ancestors is not allowed there). */
export const CSP_META = directives.join('; ');
/** For the HTTP-style response header. */
export const CSP_HEADER = [...directives, "frame-ancestors 'none'"].join('; ');
