// Serves test/csp/*.html with a Content-Security-Policy header (one of policies.mjs, `?policy=<name>`,
// default `strict`), and collects the browser's violation reports per page load (`?run=<id>`):
//
//   POST /test/csp/__report?run=<id>   where the policy's `report-uri` points (application/csp-report)
//   GET  /test/csp/__reports?run=<id>  the reports received for that load, as a JSON array
//
// The dev server appends a module script of its own (its web-socket client) to every HTML page; it is
// taken out of these pages, so that they run exactly the scripts they name. A Koa middleware for the
// config's `middleware` list.
import { POLICIES, policyHeader } from './policies.mjs';

const PAGE = /^\/test\/csp\/[\w-]+\.html$/;
const INJECTED = /<!-- injected by web-dev-server -->\s*<script type="module" src="\/__web-dev-server__web-socket\.js"><\/script>/g;
const RUN = /^[\w-]{1,64}$/;
const MAX_RUNS = 200;
const MAX_REPORT_BYTES = 64 * 1024;

export function cspPagesMiddleware() {
  /** Reports by run id, oldest run first. */
  const reports = new Map();

  async function readBody(req) {
    let text = '';
    for await (const chunk of req) {
      text += chunk;
      if (text.length > MAX_REPORT_BYTES) break;
    }
    return text;
  }

  return async (ctx, next) => {
    if (ctx.path === '/test/csp/__report' && ctx.method === 'POST') {
      const run = String(ctx.query.run ?? '');
      const text = await readBody(ctx.req);
      if (RUN.test(run)) {
        if (!reports.has(run) && reports.size >= MAX_RUNS) reports.delete(reports.keys().next().value);
        let report;
        try {
          report = JSON.parse(text)['csp-report'] ?? JSON.parse(text);
        } catch {
          report = { unreadable: text.slice(0, 500) };
        }
        reports.set(run, [...(reports.get(run) ?? []), report]);
      }
      ctx.status = 204;
      return;
    }
    if (ctx.path === '/test/csp/__reports' && ctx.method === 'GET') {
      ctx.set('cache-control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(reports.get(String(ctx.query.run ?? '')) ?? []);
      return;
    }
    if (!PAGE.test(ctx.path)) return next();

    const name = String(ctx.query.policy ?? 'strict');
    const policy = POLICIES[name];
    if (!policy) {
      ctx.status = 400;
      ctx.body = `Unknown policy ${name}; one of ${Object.keys(POLICIES).join(', ')}`;
      return;
    }
    await next();
    if (ctx.status !== 200) return;
    if (typeof ctx.body === 'string') ctx.body = ctx.body.replace(INJECTED, '');
    const run = String(ctx.query.run ?? '');
    ctx.set('content-security-policy', policyHeader(policy, RUN.test(run) ? `/test/csp/__report?run=${run}` : undefined));
    ctx.set('cache-control', 'no-store');
  };
}
