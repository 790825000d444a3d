import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { CaseTable } from '../shared/CaseTable';
import { nearestDue } from '../shared/countdown';
import type { RectificationState } from '@haochaping/contracts';
import type { RectificationCase } from '../rectifications/rectification.types';

// New bad reviews arrive while the page is open: read again now and then.
const REFETCH_MS = 15_000;

/** 我的待办: open cases in the states where the user owes the next step, nearest result due first. */
export const MyOpenCases = ({ states }: { states: RectificationState[] }) => {
  const translate = useTranslate();
  const { data, total, isPending, error } = useGetList<RectificationCase>(
    'rectifications',
    { filter: { state: states }, sort: { field: 'resultDueAt', order: 'ASC' }, pagination: { page: 1, perPage: 10 } },
    { refetchInterval: REFETCH_MS },
  );
  // The list is ordered by the result's due time; a callback may be due sooner, so order the page by the nearest.
  const rows = [...(data ?? [])].sort((a, b) => Date.parse(nearestDue(a) ?? '9999') - Date.parse(nearestDue(b) ?? '9999'));
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.dashboard.my_cases', { smart_count: total ?? 0 })}
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {!isPending && !error && rows.length === 0 && <Typography color="text.secondary">{translate('app.dashboard.my_cases_empty')}</Typography>}
        {rows.length > 0 && <CaseTable rows={rows} testId="my-cases" showOpenedAt />}
      </CardContent>
    </Card>
  );
};
