import { Alert, Box, Card, CardContent, Chip, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useCreatePath, useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { StateChip } from '../shared/CaseBadges';
import { DueCountdown } from '../shared/DueCountdown';
import { beijingDateTime } from '../shared/countdown';

// A clock passing its due time turns a row overdue: read again now and then.
const REFETCH_MS = 30_000;

/**
 * 今日待办: what the signed-in person owes before today's office time ends on the case hall's calendar, and what is
 * already overdue, by due time (GET /api/dashboard/my-duties); each row opens its case.
 */
export const MyDutiesToday = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data, isPending, error } = useQuery({ queryKey: ['my-duties'], queryFn: () => dataProvider.getMyDuties(), refetchInterval: REFETCH_MS });
  const duties = data ?? [];
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.dashboard.my_duties', { smart_count: duties.length })}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.dashboard.my_duties_hint')}
        </Typography>
        {error && <Alert severity="error">{error.message}</Alert>}
        {!isPending && !error && duties.length === 0 && <Typography color="text.secondary">{translate('app.dashboard.my_duties_empty')}</Typography>}
        {duties.length > 0 && (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="my-duties">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.dashboard.my_duties_due')}</TableCell>
                  <TableCell>{translate('app.dashboard.countdown')}</TableCell>
                  <TableCell>{translate('app.dashboard.my_duties_duty')}</TableCell>
                  <TableCell>{translate('app.dashboard.my_duties_case')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {duties.map((duty) => (
                  <TableRow key={`${duty.reviewId}:${duty.duty}`} hover sx={duty.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : undefined}>
                    <TableCell>{beijingDateTime(duty.dueAt)}</TableCell>
                    <TableCell>
                      <DueCountdown dueAt={duty.dueAt} />
                    </TableCell>
                    <TableCell>
                      {duty.dutyLabel}
                      {duty.overdue && <Chip size="small" color="error" label={translate('app.dashboard.my_duties_overdue')} sx={{ ml: 1 }} />}
                      {duty.escalated && <Chip size="small" color="warning" label={translate('app.dashboard.my_duties_escalated')} sx={{ ml: 1 }} />}
                    </TableCell>
                    <TableCell>
                      <Link component={RouterLink} to={createPath({ resource: 'rectifications', id: duty.reviewId, type: 'show' })}>
                        {duty.hallName}
                      </Link>{' '}
                      <StateChip state={duty.state} label={duty.stateLabel} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
