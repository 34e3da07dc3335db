// Runs the contract server alone, for backend teams (a reference to compare against) and the demo:
//   PORT=8787 node test/server/serve.mjs
// Environment:
//   PORT                default 8787; HOST default 127.0.0.1
//   CAPTCHA_ANSWER      a fixed captcha text (still single-use and expiring)
//   RESEND_COOLDOWN_MS  minimum time between two letters to one address (default 60000)
//   LATENCY_MS          simulated latency per call
//   ACTIVATION_URL      link base for letters, `{token}` is replaced (default http://localhost/activate#token={token})
//   RESET_URL           the same for password reset letters (default http://localhost/reset-password#token={token})
//   CORS_ORIGIN         an origin allowed to call with credentials (e.g. http://localhost:8000); default: none
//   TEST_ENDPOINTS=0    turns /api/__test__/ off (it reveals captcha answers and tokens)
//   CONTRACT_CHECK=0    sends responses unchecked (by default one that breaks openapi/auth.openapi.yaml
//                       becomes a 500 naming the violation, and is logged)
// It binds to 127.0.0.1 by default on purpose: this is a test server.
import { createServer } from 'node:http';
import { createContractHandler, NAMESPACE_HEADER } from './contract-server.mjs';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const number = (value) => (value === undefined || value === '' ? undefined : Number(value));

const handler = createContractHandler({
  testEndpoints: env.TEST_ENDPOINTS !== '0',
  contractCheck: env.CONTRACT_CHECK !== '0',
  ...(env.CAPTCHA_ANSWER ? { captchaAnswer: env.CAPTCHA_ANSWER } : {}),
  ...(number(env.RESEND_COOLDOWN_MS) === undefined ? {} : { resendCooldownMs: number(env.RESEND_COOLDOWN_MS) }),
  ...(number(env.LATENCY_MS) === undefined ? {} : { latency: number(env.LATENCY_MS) }),
  ...(env.ACTIVATION_URL ? { activationUrl: env.ACTIVATION_URL } : {}),
  ...(env.RESET_URL ? { resetUrl: env.RESET_URL } : {}),
});
await handler.ready;

const corsOrigin = env.CORS_ORIGIN;

const server = createServer((req, res) => {
  if (corsOrigin && req.headers.origin === corsOrigin) {
    res.setHeader('access-control-allow-origin', corsOrigin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('vary', 'origin');
    // The server's clock (Date) measures Captcha.expiresAt when expiresIn is missing.
    res.setHeader('access-control-expose-headers', 'Date, Retry-After, X-Contract-Violation');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers':
          req.headers['access-control-request-headers'] ?? `content-type, accept, x-csrf-token, ${NAMESPACE_HEADER}`,
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
  }
  handler(req, res, (error) => {
    res.writeHead(error ? 500 : 404, { 'content-type': 'text/plain' });
    res.end(error ? 'Internal error' : 'Not found');
  });
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`contract server on http://${host}:${actual}/api/auth (test endpoints: ${env.TEST_ENDPOINTS !== '0'})`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
