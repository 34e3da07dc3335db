// The first script of every test/csp page (classic, so it runs before any module): counts every
// Content-Security-Policy violation of the page from its start, inside shadow roots too (the event is composed).
window.cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (e) => {
    window.cspViolations.push({
      directive: e.effectiveDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      disposition: e.disposition,
    });
  },
  true,
);
