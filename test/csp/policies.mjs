// The Content-Security-Policy headers test/csp/*.html pages are served with (by csp-middleware.mjs), chosen
// with `?policy=<name>`. Plain data, imported by the middleware (Node) and by test/csp.test.ts (browser).

/** The strict policy of the README: nothing inline, nothing evaluated, Trusted Types enforced. */
export const STRICT = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  // The captcha's code spoken: MemoryAdapter's is a data:audio/wav; a backend's may be a URL of its own.
  'media-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'self'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['lit-html'],
};

/**
 * The policies served. `minimal` is the least the elements were measured to need on the embedded
 * MemoryAdapter: everything else falls back to `default-src 'none'` (styles, connections, fonts, frames),
 * and no form may be submitted anywhere.
 * The other variants take one thing away from `strict` to show that it is needed.
 */
export const POLICIES = {
  strict: STRICT,
  minimal: {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'img-src': ['data:'],
    'media-src': ['data:'],
    // The elements never submit a form natively.
    'form-action': ["'none'"],
    'require-trusted-types-for': ["'script'"],
    'trusted-types': ['lit-html'],
  },
  'no-data-images': { ...STRICT, 'img-src': ["'self'", 'blob:'] },
  'no-trusted-types-policy': { ...STRICT, 'trusted-types': ["'none'"] },
  'no-connect': { ...STRICT, 'connect-src': ["'none'"] },
  'no-data-media': { ...STRICT, 'media-src': ["'self'", 'blob:'] },
};

/** The header value of a policy, with `report-uri` added when given. */
export function policyHeader(directives, reportUri) {
  const parts = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (reportUri) parts.push(`report-uri ${reportUri}`);
  return parts.join('; ');
}
