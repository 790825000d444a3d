import { Alert, Box, Card, CardContent, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { Title, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { EscalationBadge, StateChip } from '../shared/CaseBadges';
import { DueCountdown } from '../shared/DueCountdown';
import { beijingDateTime, nearestDue } from '../shared/countdown';
import { OPEN_STATES, type RectificationCase } from '../rectifications/rectification.types';
import { summariseByHall } from './supervision-summary';

// A county has a few hundred open cases at most in trouble at once; beyond that the list's filters are the tool.
const PAGE = { page: 1, perPage: 500 };

/** 超期督办 (county): open cases overdue or escalated, counted by hall and level, each one click from its page. */
export const SupervisionPage = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const overdue = useGetList<RectificationCase>('rectifications', { filter: { overdue: true, state: OPEN_STATES }, sort: { field: 'escalationLevel', order: 'DESC' }, pagination: PAGE });
  const escalated = useGetList<RectificationCase>('rectifications', { filter: { escalationLevel: [1, 2], state: OPEN_STATES }, sort: { field: 'escalationLevel', order: 'DESC' }, pagination: PAGE });
  const cases = [...(overdue.data ?? []), ...(escalated.data ?? []).filter((item) => !overdue.data?.some((other) => other.id === item.id))];
  const byHall = summariseByHall(cases);
  const error = overdue.error ?? escalated.error;
  const pending = overdue.isPending || escalated.isPending;
  const caseLink = (record: RectificationCase) => createPath({ resource: 'rectifications', id: record.id, type: 'show' });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.supervision.title" />
      {error && <Alert severity="error">{error.message}</Alert>}
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.supervision.by_hall')}
          </Typography>
          {!pending && byHall.length === 0 && <Typography color="text.secondary">{translate('app.supervision.empty')}</Typography>}
          {byHall.length > 0 && (
            <Table size="small" data-testid="supervision-by-hall">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.rectifications.fields.hallCode')}</TableCell>
                  <TableCell align="right">{translate('app.presets.overdue')}</TableCell>
                  <TableCell align="right">{translate('app.escalation.level_1')}</TableCell>
                  <TableCell align="right">{translate('app.escalation.level_2')}</TableCell>
                  <TableCell align="right">{translate('app.supervision.total')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {byHall.map((row) => (
                  <TableRow key={row.hallCode}>
                    <TableCell>
                      <Link component={RouterLink} to={`${createPath({ resource: 'rectifications', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ hallCode: [row.hallCode], state: OPEN_STATES }))}`}>
                        {row.hallName}
                      </Link>
                    </TableCell>
                    <TableCell align="right" sx={{ color: row.overdue ? 'error.main' : undefined }}>
                      {row.overdue}
                    </TableCell>
                    <TableCell align="right">{row.level1}</TableCell>
                    <TableCell align="right">{row.level2}</TableCell>
                    <TableCell align="right">{row.total}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('app.supervision.cases')}
          </Typography>
          {!pending && cases.length === 0 && <Typography color="text.secondary">{translate('app.supervision.empty')}</Typography>}
          {cases.length > 0 && (
            <Table size="small" data-testid="supervision-cases">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.rectifications.fields.hallCode')}</TableCell>
                  <TableCell>{translate('resources.rectifications.fields.state')}</TableCell>
                  <TableCell>{translate('resources.rectifications.fields.nearestDue')}</TableCell>
                  <TableCell>{translate('app.dashboard.countdown')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {cases.map((record) => (
                  <TableRow key={record.id} hover>
                    <TableCell>
                      <Link component={RouterLink} to={caseLink(record)}>
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
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
