import FactCheckIcon from '@mui/icons-material/FactCheck';
import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, Box, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { Section } from '../shared/Section';
import { useNotifyRefusal } from '../shared/use-notify-refusal';
import { durationParts, shortTime } from './exchange-format';
import type { ExchangeOverview } from './exchange.types';

// The queue moves on its own: the figures are asked again every few seconds while the screen is open.
const REFRESH_MS = 5_000;
const QUERY_KEY = ['exchange'] as const;

const Figure = ({ label, value, tone, testId }: { label: string; value: string | number; tone?: 'error' | 'warning'; testId: string }) => (
  <Card variant="outlined" sx={{ flex: '1 1 160px' }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" color={tone ? `${tone}.main` : undefined} data-testid={testId}>
        {value}
      </Typography>
    </CardContent>
  </Card>
);

const useDuration = () => {
  const translate = useTranslate();
  return (seconds: number | null) => {
    if (seconds === null) return '—';
    const { unit, value } = durationParts(seconds);
    return translate(`app.exchange.${unit}`, { value });
  };
};

/** 待上报, 今日已上报, 上报失败, the queue's lag, today's delivery times and the newest POST. */
const Figures = ({ overview }: { overview: ExchangeOverview }) => {
  const translate = useTranslate();
  const duration = useDuration();
  const attempt = overview.lastAttempt;
  return (
    <Box sx={{ mb: 2 }}>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, mb: 1 }}>
        <Figure label={translate('app.exchange.pending')} value={overview.pending} testId="exchange-pending" />
        <Figure label={translate('app.exchange.delivered_today')} value={overview.deliveredToday} testId="exchange-delivered-today" />
        <Figure label={translate('app.exchange.dead')} value={overview.dead} tone={overview.dead > 0 ? 'error' : undefined} testId="exchange-dead" />
        <Figure
          label={translate('app.exchange.lag')}
          value={overview.oldestPendingSeconds === null ? translate('app.exchange.lag_none') : duration(overview.oldestPendingSeconds)}
          tone={overview.oldestPendingSeconds !== null && overview.oldestPendingSeconds > 600 ? 'warning' : undefined}
          testId="exchange-lag"
        />
        <Figure label={translate('app.exchange.lag_today')} value={`${duration(overview.lagP50Seconds)} / ${duration(overview.lagP95Seconds)}`} testId="exchange-lag-today" />
      </Stack>
      <Typography variant="body2" color="text.secondary" data-testid="exchange-last-attempt">
        {translate('app.exchange.last_attempt')}：
        {!attempt
          ? translate('app.exchange.last_attempt_none')
          : attempt.error === null
            ? translate('app.exchange.last_attempt_ok', { time: shortTime(attempt.startedAt), records: attempt.records, accepted: attempt.accepted, duplicates: attempt.duplicates, rejected: attempt.rejected })
            : translate('app.exchange.last_attempt_failed', { time: shortTime(attempt.startedAt), records: attempt.records, error: attempt.error })}
      </Typography>
    </Box>
  );
};

/** The dead letters with their attempts and last error; 重新上报 one, or all. */
const DeadLetters = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const deadLetters = useQuery({ queryKey: [...QUERY_KEY, 'dead-letters'], queryFn: () => dataProvider.getExchangeDeadLetters(), refetchInterval: REFRESH_MS });
  const { mutate: resend, isPending } = useMutation({
    mutationFn: (id: string | null) => (id === null ? dataProvider.resendAllExchangeDeadLetters() : dataProvider.resendExchangeDeadLetter(id)),
    onSuccess: ({ requeued }) => notify('app.exchange.resent', { type: 'info', messageArgs: { smart_count: requeued } }),
    onError: notifyRefusal,
    onSettled: () => queryClient.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  const data = deadLetters.data;
  return (
    <Section
      title={translate('app.exchange.dead_title')}
      help={translate('app.exchange.dead_help')}
      testId="exchange-dead-letters"
      action={
        <Button label="app.exchange.resend_all" variant="outlined" color="error" disabled={isPending || !data || data.total === 0} onClick={() => resend(null)} data-testid="exchange-resend-all">
          <ReplayIcon />
        </Button>
      }
    >
      {deadLetters.error && <Alert severity="error">{translate('app.exchange.failed', { message: deadLetters.error.message })}</Alert>}
      {data && data.total === 0 && <Typography color="text.secondary">{translate('app.exchange.dead_empty')}</Typography>}
      {data && data.total > 0 && (
        <>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.exchange.record')}</TableCell>
                <TableCell>{translate('app.exchange.type')}</TableCell>
                <TableCell>{translate('app.exchange.hall')}</TableCell>
                <TableCell align="right">{translate('app.exchange.attempts')}</TableCell>
                <TableCell>{translate('app.exchange.last_error')}</TableCell>
                <TableCell>{translate('app.exchange.last_attempt_at')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((item) => (
                <TableRow key={item.id} data-testid="exchange-dead-letter">
                  {/* A person knows the record by its review's tracking code; the wire id is the cell's title. */}
                  <TableCell sx={{ fontFamily: 'monospace' }} title={item.recordId}>
                    {item.trackingCode ?? item.recordId}
                  </TableCell>
                  <TableCell>{item.typeLabel}</TableCell>
                  <TableCell>{item.hallName ?? item.hallCode ?? '—'}</TableCell>
                  <TableCell align="right">{item.attempts}</TableCell>
                  <TableCell sx={{ color: 'error.main', maxWidth: 360, wordBreak: 'break-all' }}>{item.lastError ?? '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.lastAttemptAt ? shortTime(item.lastAttemptAt) : '—'}</TableCell>
                  <TableCell>
                    <Button label="app.exchange.resend" size="small" disabled={isPending} onClick={() => resend(item.id)} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {data.total > data.items.length && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('app.exchange.dead_more', { total: data.total, shown: data.items.length })}
            </Typography>
          )}
        </>
      )}
    </Section>
  );
};

/** 每日核对: the hall-days whose counts differ from the upstream's, 重新上报 per row, and 立即核对. */
const Reconciliation = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const reconciliation = useQuery({ queryKey: [...QUERY_KEY, 'reconciliation'], queryFn: () => dataProvider.getExchangeReconciliation(), refetchInterval: REFRESH_MS });
  const { mutate: run, isPending: running } = useMutation({
    mutationFn: () => dataProvider.runExchangeReconciliation(),
    onSuccess: (result) =>
      result.finished ? notify('app.exchange.run_done', { type: 'info', messageArgs: { smart_count: result.differences ?? 0 } }) : notify('app.exchange.run_going', { type: 'info' }),
    onError: notifyRefusal,
    onSettled: () => queryClient.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  const { mutate: resend, isPending: resending } = useMutation({
    mutationFn: ({ day, hallCode }: { day: string; hallCode: string }) => dataProvider.resendExchangeHallDay(day, hallCode),
    onSuccess: ({ requeued }) => notify('app.exchange.resent', { type: 'info', messageArgs: { smart_count: requeued } }),
    onError: notifyRefusal,
    onSettled: () => queryClient.invalidateQueries({ queryKey: QUERY_KEY }),
  });
  const data = reconciliation.data;
  return (
    <Section
      title={translate('app.exchange.reconciliation_title')}
      help={translate('app.exchange.reconciliation_help')}
      testId="exchange-reconciliation"
      action={
        <Button label="app.exchange.run" variant="outlined" disabled={running} onClick={() => run()} data-testid="exchange-run">
          <FactCheckIcon />
        </Button>
      }
    >
      {reconciliation.error && <Alert severity="error">{translate('app.exchange.failed', { message: reconciliation.error.message })}</Alert>}
      {data && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="exchange-last-check">
          {data.lastCheckedAt ? translate('app.exchange.reconciliation_last', { time: shortTime(data.lastCheckedAt), compared: data.compared }) : translate('app.exchange.reconciliation_never')}
        </Typography>
      )}
      {data?.lastCheckedAt && data.differences.length === 0 && <Typography color="success.main">{translate('app.exchange.reconciliation_empty')}</Typography>}
      {data && data.differences.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.exchange.day')}</TableCell>
              <TableCell>{translate('app.exchange.hall')}</TableCell>
              <TableCell>{translate('app.exchange.type')}</TableCell>
              <TableCell align="right">{translate('app.exchange.ours')}</TableCell>
              <TableCell align="right">{translate('app.exchange.theirs')}</TableCell>
              <TableCell align="right">{translate('app.exchange.difference')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.differences.map((row) => (
              <TableRow key={`${row.day}-${row.hallCode}-${row.type}`} data-testid="exchange-difference">
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.day}</TableCell>
                <TableCell>{row.hallName ?? row.hallCode}</TableCell>
                <TableCell>{row.typeLabel}</TableCell>
                <TableCell align="right">{row.ours}</TableCell>
                <TableCell align="right">{row.theirs}</TableCell>
                <TableCell align="right" sx={{ color: 'warning.main', fontWeight: 600 }}>
                  {row.difference > 0 ? `+${row.difference}` : row.difference}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <Button label="app.exchange.resend" size="small" disabled={resending} onClick={() => resend({ day: row.day, hallCode: row.hallCode })} />
                    {row.resentAt && <Chip size="small" label={translate('app.exchange.resent_at', { time: shortTime(row.resentAt), by: row.resentBy ?? '' })} />}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
};

/** 上报管理: the upward exchange to 济宁市 and 山东省 as the county steers it. */
export const ExchangePage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const overview = useQuery({ queryKey: [...QUERY_KEY, 'overview'], queryFn: () => dataProvider.getExchangeOverview(), refetchInterval: REFRESH_MS });
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.exchange.title" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.exchange.intro')}
      </Typography>
      {overview.error && <Alert severity="error">{translate('app.exchange.failed', { message: overview.error.message })}</Alert>}
      {overview.data && <Figures overview={overview.data} />}
      <DeadLetters />
      <Reconciliation />
    </Box>
  );
};
