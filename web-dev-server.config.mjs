// `npm start`: the demo page on the embedded MemoryAdapter, served with TypeScript compiled on the fly.
import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  open: false,
  port: Number(process.env.PORT ?? 8000),
  hostname: '127.0.0.1',
  rootDir: '.',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
};
