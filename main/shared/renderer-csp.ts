/**
 * The Content-Security-Policy of every page of the renderer, whether the hall server sends it
 * over HTTP or the desktop app over app://hall: the renderer needs nothing from elsewhere, and
 * the inline styles are React's.
 */
export const rendererCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  // In a browser 'self' covers the hall's own ws:/wss: push; the desktop windows reach nothing
  // over the network at all. No other host may be reached from a page.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
