import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Two apps behind one index.html: the citizens' pages under /citizen (their own router, no sign-in) and the
// react-admin console everywhere else. Each is its own chunk, so a phone opening a QR link never downloads
// react-admin, and the console does not carry the citizen pages.
const isCitizenPath = /^\/citizen(\/|$)/.test(window.location.pathname);
const Root = isCitizenPath
  ? lazy(() => import('./citizen/CitizenApp').then((module) => ({ default: module.CitizenApp })))
  : lazy(() => import('./App').then((module) => ({ default: module.App })));

createRoot(container).render(
  <StrictMode>
    <Suspense fallback={null}>
      <Root />
    </Suspense>
  </StrictMode>,
);
