import { CssBaseline, ThemeProvider } from '@mui/material';
import { BrowserRouter, Route, Routes } from 'react-router';
import { FeedbackPage } from './feedback/FeedbackPage';
import { HomePage, NotFoundPage } from './HomePage';
import { InvitationRatingPage } from './invitation/InvitationRatingPage';
import { citizenTheme } from './layout/citizen-theme';
import { StatusPage } from './status/StatusPage';
import { SubmittedPage } from './submitted/SubmittedPage';
import { WindowRatingPage } from './window/WindowRatingPage';

/**
 * The citizens' pages (docs/INTAKE-API.md, "Citizen pages"): outside the admin, no sign-in, phone-first.
 * Its own router and theme; main.tsx mounts it for every path under /citizen.
 */
export function CitizenApp() {
  return (
    <ThemeProvider theme={citizenTheme}>
      <CssBaseline />
      <BrowserRouter>
        <Routes>
          <Route path="/citizen" element={<HomePage />} />
          <Route path="/citizen/w/:hallCode/:windowCode" element={<WindowRatingPage />} />
          <Route path="/citizen/i/:token" element={<InvitationRatingPage />} />
          <Route path="/citizen/feedback" element={<FeedbackPage />} />
          <Route path="/citizen/status" element={<StatusPage />} />
          <Route path="/citizen/done/:trackingCode" element={<SubmittedPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </BrowserRouter>
    </ThemeProvider>
  );
}
