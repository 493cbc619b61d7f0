// The Content Security Policy for the app, served by the Electron shell and by the server alike.
// No inline scripts or styles and no eval: a scanned string or a record from the server that
// somehow reached the DOM as markup can never run. connect-src is the app's own origin alone: the
// web app's server, or app://fillwave, whose protocol handler forwards /api/* to the server.
export const contentSecurityPolicy = (): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
