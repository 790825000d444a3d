import { Alert, Card, CardContent, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useCreatePath, useGetList, useTranslate } from 'react-admin';
import { EscalationBadge, StateChip } from '../shared/CaseBadges';
import { DueCountdown } from '../shared/DueCountdown';
import { beijingDateTime, nearestDue } from '../shared/countdown';
import type { RectificationCase, RectificationState } from '../rectifications/rectification.types';

// New bad reviews arrive while the page is open: read again now and then.
const REFETCH_MS = 15_000;

/** 我的待办: open cases in the states where the user owes the next step, nearest result due first. */
export const MyOpenCases = ({ states }: { states: RectificationState[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
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
        {rows.length > 0 && (
          <Table size="small" data-testid="my-cases">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.rectifications.fields.hallCode')}</TableCell>
                <TableCell>{translate('resources.rectifications.fields.state')}</TableCell>
                <TableCell>{translate('resources.rectifications.fields.nearestDue')}</TableCell>
                <TableCell>{translate('app.dashboard.countdown')}</TableCell>
                <TableCell>{translate('resources.rectifications.fields.openedAt')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((record) => (
                <TableRow key={record.id} hover sx={record.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : undefined}>
                  <TableCell>
                    <Link component={RouterLink} to={createPath({ resource: 'rectifications', id: record.id, type: 'show' })}>
                      {record.hallName} · {translate(`app.rectification.levels.${record.level}`)}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <StateChip state={record.state} label={record.stateLabel} /> <EscalationBadge level={record.escalationLevel} />
                  </TableCell>
                  <TableCell>{beijingDateTime(nearestDue(record))}</TableCell>
                  <TableCell>
                    <DueCountdown dueAt={nearestDue(record)} />
                  </TableCell>
                  <TableCell>{beijingDateTime(record.openedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
