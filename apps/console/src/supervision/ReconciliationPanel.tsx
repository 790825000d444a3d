import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Alert, Box, Card, CardContent, Chip, Collapse, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { NumberSetting } from '../shared/NumberSetting';
import { Link as RouterLink } from 'react-router';
import { Button, useCanAccess, useCreatePath, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { useNotifyRefusal } from '../shared/use-notify-refusal';
import type { ReconciliationRun } from './reconciliation.types';

// While a run is going its counts grow: the list is asked again every few seconds, and only then.
const RUNNING_REFETCH_MS = 3_000;

/** The cases one run found drifted: the case, its hall, what differed, repaired or why not. */
const RunDrifts = ({ run }: { run: ReconciliationRun }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const detail = useQuery({ queryKey: ['reconciliation', run.id, run.status, run.drifted], queryFn: () => dataProvider.getReconciliationRun(run.id) });
  if (detail.error) return <Alert severity="error">{translate('app.reconciliation.failed', { message: detail.error.message })}</Alert>;
  if (!detail.data) return null;
  return (
    <Table size="small" data-testid="reconciliation-drifts">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.reconciliation.case')}</TableCell>
          <TableCell>{translate('app.reconciliation.case_number')}</TableCell>
          <TableCell>{translate('resources.rectifications.fields.hallCode')}</TableCell>
          <TableCell>{translate('app.reconciliation.fields')}</TableCell>
          <TableCell>{translate('app.reconciliation.outcome')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {detail.data.drifts.map((drift) => (
          <TableRow key={drift.reviewId}>
            <TableCell>
              <Link component={RouterLink} to={createPath({ resource: 'rectifications', id: drift.reviewId, type: 'show' })}>
                {drift.trackingCode ?? drift.reviewId}
              </Link>
            </TableCell>
            <TableCell>{drift.caseNumber ?? '—'}</TableCell>
            <TableCell>{drift.hallName ?? drift.hallCode ?? '—'}</TableCell>
            <TableCell>{drift.fieldLabels.join('、') || '—'}</TableCell>
            <TableCell sx={{ color: drift.repaired ? 'success.main' : 'error.main' }}>
              {drift.repaired ? translate('app.reconciliation.repaired') : translate('app.reconciliation.not_repaired', { reason: drift.reasonLabel ?? '' })}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** N, the days of closed cases every run checks: admins change it here (the API audits it and refuses outside 0–90). */
const ClosedWithinDays = ({ days }: { days: number }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return (
    <NumberSetting
      value={days}
      label={translate('app.reconciliation.days')}
      unit={translate('app.reconciliation.days_unit')}
      min={0}
      max={90}
      testId="reconciliation-days"
      save={(closedWithinDays) => dataProvider.updateReconciliationSettings(closedWithinDays)}
      saved={(settings) => ({ message: 'app.reconciliation.days_saved', args: { days: settings.closedWithinDays } })}
      queryKey={['reconciliation', 'runs']}
    />
  );
};

/**
 * 数据核对 under 超期督办: the runs of the read model's reconciler (daily, 立即核对, command line), newest first; a run
 * that found drift opens to its cases. 立即核对 starts a run at once; the list follows it while it runs.
 */
export const ReconciliationPanel = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [opened, setOpened] = useState<string | null>(null);
  const { canAccess: canChangeDays } = useCanAccess({ resource: 'read-model-reconciliation', action: 'edit' });
  const runs = useQuery({
    queryKey: ['reconciliation', 'runs'],
    queryFn: () => dataProvider.getReconciliationRuns(),
    refetchInterval: (query) => (query.state.data?.runs.some((run) => run.status === 'RUNNING') ? RUNNING_REFETCH_MS : false),
  });
  const { mutate: start, isPending: starting } = useMutation({
    mutationFn: () => dataProvider.startReconciliation(),
    onSuccess: () => notify('app.reconciliation.started', { type: 'info' }),
    onError: notifyRefusal,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['reconciliation', 'runs'] }),
  });
  const days = runs.data?.settings.closedWithinDays;
  return (
    <Card sx={{ mb: 2 }} data-testid="reconciliation-panel">
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {translate('app.reconciliation.title')}
          </Typography>
          <Button label="app.reconciliation.start" variant="outlined" disabled={starting} onClick={() => start()} data-testid="reconciliation-start">
            <FactCheckIcon />
          </Button>
        </Stack>
        {days !== undefined && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('app.reconciliation.help', { days })}
          </Typography>
        )}
        {days !== undefined && canChangeDays && <ClosedWithinDays key={days} days={days} />}
        {runs.error && <Alert severity="error">{translate('app.reconciliation.failed', { message: runs.error.message })}</Alert>}
        {runs.data && runs.data.runs.length === 0 && <Typography color="text.secondary">{translate('app.reconciliation.empty')}</Typography>}
        {runs.data && runs.data.runs.length > 0 && (
          <Box sx={{ overflowX: 'auto', '& th': { whiteSpace: 'nowrap' } }}>
            <Table size="small" data-testid="reconciliation-runs">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.reconciliation.started_at')}</TableCell>
                  <TableCell>{translate('app.reconciliation.trigger')}</TableCell>
                  <TableCell>{translate('app.reconciliation.status')}</TableCell>
                  <TableCell align="right">{translate('app.reconciliation.checked')}</TableCell>
                  <TableCell align="right">{translate('app.reconciliation.drifted')}</TableCell>
                  <TableCell align="right">{translate('app.reconciliation.repaired_count')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {runs.data.runs.map((run) => (
                  <Fragment key={run.id}>
                    <TableRow hover={run.drifted > 0} sx={{ cursor: run.drifted > 0 ? 'pointer' : undefined }} onClick={() => run.drifted > 0 && setOpened(opened === run.id ? null : run.id)}>
                      <TableCell>{run.startedAt.slice(0, 16).replace('T', ' ')}</TableCell>
                      <TableCell>
                        {run.triggerLabel}
                        {run.requestedBy ? `（${run.requestedBy}）` : ''}
                      </TableCell>
                      <TableCell>
                        <Chip size="small" label={run.statusLabel} color={run.status === 'FAILED' ? 'error' : run.status === 'RUNNING' ? 'info' : 'default'} title={run.error ?? undefined} />
                      </TableCell>
                      <TableCell align="right">{run.status === 'RUNNING' ? '…' : run.checked}</TableCell>
                      <TableCell align="right" sx={{ color: run.drifted > 0 ? 'warning.main' : undefined, fontWeight: run.drifted > 0 ? 600 : undefined }}>
                        {run.drifted}
                      </TableCell>
                      <TableCell align="right" sx={{ color: run.repaired < run.drifted ? 'error.main' : undefined }}>
                        {run.repaired}
                      </TableCell>
                    </TableRow>
                    {opened === run.id && (
                      <TableRow>
                        <TableCell colSpan={6} sx={{ bgcolor: 'action.hover' }}>
                          <Collapse in>
                            <RunDrifts run={run} />
                          </Collapse>
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
