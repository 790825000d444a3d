import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type ProxyOptions } from 'vite';
import { consoleCsp } from './vite-csp.ts';

// The root `npm start` (tools/devstack) passes CONSOLE_PORT and API_URL; the defaults fit a
// plain `npm run dev -w @haochaping/console` next to an API on its default port.
const consolePort = Number(process.env.CONSOLE_PORT ?? 5173);
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

// The API serves everything under /api itself, so the path is forwarded unchanged.
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: apiUrl },
};

export default defineConfig({
  // The Content-Security-Policy and security headers of src/csp/policy.ts on the dev and preview servers, and the
  // nonce placeholder in the build's index.html (nginx.conf fills it in production).
  plugins: [react(), consoleCsp()],
  // Unknown paths get index.html in dev and preview, so deep links work: /citizen/w/<hall>/<window> from a QR
  // code, /citizen/i/<token> from an SMS (nginx.conf does the same in production).
  appType: 'spa',
  // The shared model (@haochaping/contracts, privacy, working-time) is bundled from its TypeScript source through the
  // pure entries' `haochaping-source` export; their server entries (`/server`) are never imported here (ESLint).
  resolve: { conditions: ['haochaping-source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', port: consolePort, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: consolePort, strictPort: true, proxy },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change far less often than our screens: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mui', test: /[\\/]node_modules[\\/](@mui|@emotion)[\\/]/ },
            // The citizen pages (src/citizen) need only react, mui and the router: keeping the router out of
            // `vendor` (react-admin and the rest) spares phones opening a QR link some 75 kB gzipped.
            { name: 'router', test: /[\\/]node_modules[\\/](react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/ },
            // ECharts for 统计分析 and the public results pages: apart, so a phone opening those never loads `vendor`.
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|echarts-for-react|zrender|size-sensor|fast-deep-equal|tslib)[\\/]/ },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
