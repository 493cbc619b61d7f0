// The Content Security Policy for the app, served by the Electron shell and by the server alike.
// No inline scripts or styles and no eval: a scanned string or a record from the server that
// somehow reached the DOM as markup can never run. connect-src names each server the app may
// sync with; 'self' covers the one-origin web install.
export const contentSecurityPolicy = (connectTo: readonly string[] = []): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connectTo].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
