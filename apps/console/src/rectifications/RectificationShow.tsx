import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Card, CardContent, Grid, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ListButton, RecordContextProvider, Title, TopToolbar, useDataProvider, useNotify, useShowController, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { EscalationBadge, StateChip } from '../shared/CaseBadges';
import { DueCountdown } from '../shared/DueCountdown';
import { Fact } from '../shared/Fact';
import { beijingDateTime } from '../shared/countdown';
import { ActionButtons } from './actions/ActionButtons';
import { OBLIGATION_LABELS, RECTIFICATION_CATEGORIES, reviewLevelLabel, type ObligationKind } from '@haochaping/contracts';
import type { RectificationDetail, RectificationLiveState } from './rectification.types';
import { temporalWorkflowUrl } from './temporal-ui';
import { ReviewerFact } from './ReviewerFact';
import { TimelineList } from './TimelineList';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/**
 * A case: the read model (what lists show), then the workflow's live state for the clocks of each obligation, the
 * state and the actions allowed now — the read model is projected a moment later, and a screen built on it would
 * offer a button the workflow has just closed.
 */
export const RectificationShow = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { record, error, isPending } = useShowController<RectificationDetail>({
    queryOptions: {
      retry: false,
      onError: (failure: Error) => notify(failure.message, { type: 'error', messageArgs: { _: failure.message } }),
    },
  });
  const live = useQuery<RectificationLiveState>({
    queryKey: ['rectifications', 'live', record?.id],
    queryFn: () => dataProvider.getRectificationLive(record?.id ?? ''),
    enabled: record !== undefined && record.state !== 'CLOSED',
    retry: false,
  });

  if (error) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="resources.rectifications.name" />
        <Alert severity="error" data-testid="rectification-error">
          {error instanceof Error ? error.message : translate('ra.notification.http_error')}
        </Alert>
        <Box sx={{ mt: 2 }}>
          <ListButton resource="rectifications" />
        </Box>
      </Box>
    );
  }
  if (isPending || !record) return null;

  const current = live.data;
  const state = current?.state ?? record.state;
  const stateLabel = current?.stateLabel ?? record.stateLabel;
  const category = current ? current.category : record.category;
  // Until getOne answers, react-admin shows the row from a list's cache, which has no actions and no timeline.
  const allowed = current?.allowedActions ?? record.allowedActions ?? [];
  const timeline = current?.timeline ?? record.timeline ?? [];
  const obligations = current ? (Object.entries(current.obligations) as Array<[ObligationKind, NonNullable<RectificationLiveState['obligations'][ObligationKind]>]>) : [];

  return (
    <RecordContextProvider value={record}>
      <Title title={translate('app.rectification.title', { hall: record.hallName })} />
      <TopToolbar>
        <ListButton />
      </TopToolbar>
      <Section title="app.rectification.sections.case">
        <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center' }}>
          <StateChip state={state} label={stateLabel} />
          <EscalationBadge level={current?.escalationLevel ?? record.escalationLevel} />
          {record.overdue && <Typography color="error.main">{translate('app.rectification.overdue')}</Typography>}
        </Stack>
        <Grid container spacing={2}>
          <Fact label="resources.rectifications.fields.hallCode">{record.hallName}</Fact>
          <Fact label="resources.rectifications.fields.level">{reviewLevelLabel(record.level)}</Fact>
          <Fact label="resources.rectifications.fields.category">{category ? RECTIFICATION_CATEGORIES[category] : translate('app.rectification.not_verified')}</Fact>
          <Fact label="resources.rectifications.fields.openedAt">{beijingDateTime(record.openedAt)}</Fact>
          <Fact label="app.rectification.assignee">{current?.assignee?.name ?? translate('app.rectification.unassigned')}</Fact>
          <Fact label="resources.rectifications.fields.outcomeLabel">{current?.outcomeLabel ?? record.outcomeLabel ?? '—'}</Fact>
          <Fact label="app.rectification.reviewer">
            <ReviewerFact caseId={record.id} />
          </Fact>
          <Fact label="app.rectification.workflow">
            <Link href={temporalWorkflowUrl(record.workflowId)} target="_blank" rel="noreferrer" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              {translate('app.rectification.workflow_link')}
              <OpenInNewIcon fontSize="inherit" />
            </Link>
          </Fact>
        </Grid>
      </Section>
      <Section title="app.rectification.sections.actions">
        <ActionButtons caseId={record.id} allowed={allowed} />
      </Section>
      <Section title="app.rectification.sections.obligations">
        {live.isError && <Alert severity="warning">{translate('app.rectification.live_unavailable')}</Alert>}
        {record.state === 'CLOSED' && <Typography color="text.secondary">{translate('app.rectification.closed', { at: beijingDateTime(record.closedAt) })}</Typography>}
        {obligations.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.rectification.obligation.kind')}</TableCell>
                <TableCell>{translate('app.rectification.obligation.due')}</TableCell>
                <TableCell>{translate('app.rectification.obligation.status')}</TableCell>
                <TableCell>{translate('app.rectification.obligation.escalates')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {obligations.map(([kind, obligation]) => (
                <TableRow key={kind}>
                  <TableCell>{OBLIGATION_LABELS[kind]}</TableCell>
                  <TableCell>
                    {beijingDateTime(obligation.dueAt)}
                    {obligation.provisional && (
                      <Typography variant="caption" color="warning.main" component="div">
                        {translate('app.rectification.obligation.provisional')}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {obligation.doneAt ? (
                      translate('app.rectification.obligation.done', { at: beijingDateTime(obligation.doneAt) })
                    ) : obligation.waivedAt ? (
                      translate('app.rectification.obligation.waived')
                    ) : (
                      <DueCountdown dueAt={obligation.dueAt} />
                    )}
                  </TableCell>
                  <TableCell>{obligation.escalatesAt ? beijingDateTime(obligation.escalatesAt) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      <Section title="app.rectification.sections.timeline">
        <TimelineList entries={timeline} />
      </Section>
    </RecordContextProvider>
  );
};
