import { CacheProvider } from '@emotion/react';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createNonceEmotionCache } from './csp/nonce';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Two apps behind one index.html: the citizens' pages under /citizen (their own router, no sign-in) and the
// react-admin console everywhere else. Each is its own chunk, so a phone opening a QR link never downloads
// react-admin, and the console does not carry the citizen pages.
const isCitizenPath = /^\/citizen(\/|$)/.test(window.location.pathname);
// The published results (phones, hall screens), no sign-in either: src/public-results.
const isPublicResultsPath = /^\/(public\/results|screen)(\/|$)/.test(window.location.pathname);
const Root = isCitizenPath
  ? lazy(() => import('./citizen/CitizenApp').then((module) => ({ default: module.CitizenApp })))
  : isPublicResultsPath
    ? lazy(() => import('./public-results/PublicResultsApp').then((module) => ({ default: module.PublicResultsApp })))
    : lazy(() => import('./App').then((module) => ({ default: module.App })));

// MUI's styles carry the page's nonce: the Content-Security-Policy allows no other inline style (src/csp/policy.ts).
const emotionCache = createNonceEmotionCache();

createRoot(container).render(
  <StrictMode>
    <CacheProvider value={emotionCache}>
      <Suspense fallback={null}>
        <Root />
      </Suspense>
    </CacheProvider>
  </StrictMode>,
);
