import { CssBaseline, ThemeProvider } from '@mui/material';
import { BrowserRouter, Route, Routes } from 'react-router';
import { NotFoundPage } from '../citizen/HomePage';
import { citizenTheme } from '../citizen/layout/citizen-theme';
import { CountyResultsPage } from './CountyResultsPage';
import { HallResultsPage } from './HallResultsPage';
import { HallScreenPage } from './HallScreenPage';

/**
 * 结果公开 (issue 14, "Public pages"): the results pages for phones (/public/results, one hall under
 * /public/results/halls/:hallCode) and a hall's TV screen (/screen/halls/:hallCode). No sign-in; they read the
 * public JSON feed (GET /api/public/results…). main.tsx mounts this app for those paths.
 */
export function PublicResultsApp() {
  return (
    <ThemeProvider theme={citizenTheme}>
      <CssBaseline />
      <BrowserRouter>
        <Routes>
          <Route path="/public/results" element={<CountyResultsPage />} />
          <Route path="/public/results/halls/:hallCode" element={<HallResultsPage />} />
          <Route path="/screen/halls/:hallCode" element={<HallScreenPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </BrowserRouter>
    </ThemeProvider>
  );
}
