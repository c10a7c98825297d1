/**
 * Headers every response carries, JSON and HTML alike: the handlers' stacks add them
 * (middlewares.ts), and the local runtime adds them to the answers it gives itself (a 401 from
 * the authorizer, a 404 for no route), so no response goes out without them. No imports: the
 * local runtime reads this before any handler module is loaded.
 */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};
