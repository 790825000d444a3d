import { Alert, Box, Grid, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { ListButton, Title, TopToolbar, useShowController, useTranslate } from 'react-admin';
import { beijingDateTime } from '../shared/countdown';
import { Fact } from '../shared/Fact';
import { Section } from '../shared/Section';
import { ImprovementActions } from './ImprovementActions';
import { ImprovementReviews } from './ImprovementReviews';
import type { ImprovementItem, ImprovementItemDetail } from './improvements.types';
import { ImprovementStatusChip } from './ImprovementStatusChip';

const field = (name: string) => `resources.improvement-items.fields.${name}`;

/** An item: its facts and actions, the reviews behind it, and its history (from the audit trail). */
export const ImprovementShow = () => {
  const translate = useTranslate();
  // Until the detail arrives react-admin shows the list's row, which has neither reviews nor history.
  const { record, error, isPending } = useShowController<ImprovementItem & Partial<ImprovementItemDetail>>({ queryOptions: { retry: false } });
  if (error) {
    return (
      <Box sx={{ mt: 2 }}>
        <Alert severity="error">{error instanceof Error ? error.message : translate('ra.notification.http_error')}</Alert>
        <ListButton resource="improvement-items" />
      </Box>
    );
  }
  if (isPending || !record) return null;
  return (
    <Box sx={{ mt: 1 }} data-testid="improvement-show">
      <Title title={record.title} />
      <TopToolbar sx={{ justifyContent: 'space-between' }}>
        <ListButton resource="improvement-items" />
        <ImprovementActions item={record} />
      </TopToolbar>
      <Section title={record.title}>
        <Grid container spacing={2}>
          <Fact label={field('status')}>
            <ImprovementStatusChip item={record} />
          </Fact>
          <Fact label={field('hallName')}>{record.hallName}</Fact>
          <Fact label={field('serviceItemName')}>{record.serviceItemName ?? translate('app.improvements.no_item')}</Fact>
          <Fact label={field('reasonLabel')}>{record.reasonLabel}</Fact>
          <Fact label={field('ownerName')}>{`${translate(`app.improvements.owner_kinds.${record.ownerKind}`)}：${record.ownerName}`}</Fact>
          <Fact label={field('dueDate')}>{record.dueDate}</Fact>
          <Fact label={field('createdAt')}>{beijingDateTime(record.createdAt)}</Fact>
          <Fact label={field('doneAt')}>{beijingDateTime(record.doneAt)}</Fact>
          {record.completionNote && <Fact label={field('completionNote')}>{record.completionNote}</Fact>}
        </Grid>
      </Section>
      <Section title={`${translate('app.improvements.reviews')}（${record.reviewCount}）`}>
        <ImprovementReviews reviews={record.reviews ?? []} testId="improvement-reviews" />
      </Section>
      <Section title={translate('app.improvements.history')}>
        <Table size="small" data-testid="improvement-history">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.improvements.history_time')}</TableCell>
              <TableCell>{translate('app.improvements.history_step')}</TableCell>
              <TableCell>{translate(field('status'))}</TableCell>
              <TableCell>{translate('app.improvements.note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(record.history ?? []).map((entry) => (
              <TableRow key={`${entry.at}-${entry.action}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{beijingDateTime(entry.at)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(`app.improvements.history_actions.${entry.action}`, { _: entry.action })}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{entry.toStatus ? translate(`app.improvements.statuses.${entry.toStatus}`) : '—'}</TableCell>
                <TableCell>{entry.note ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
    </Box>
  );
};
