import { useState } from 'react';
import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Confirm,
  DateField,
  FunctionField,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { REVIEW_CHANNEL_LABELS, reviewLevelLabel } from '@haochaping/contracts';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import type { ConsoleDataProvider } from '../data-provider';
import { FlagStatusChip } from './FlagList';
import type { FlagDetail } from './praise-integrity.types';

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', SHANGHAI_DATE_TIME_FORMAT) : '—');

/** What the rule saw: its summary, the times, the network. */
const Evidence = () => {
  const record = useRecordContext<FlagDetail>();
  const translate = useTranslate();
  if (!record) return null;
  const { summary, from, to, network } = record.evidence;
  return (
    <Stack spacing={0.5}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {translate('app.praise-integrity.evidence_title')}
      </Typography>
      {summary && <Typography>{summary}</Typography>}
      {from && to && <Typography color="text.secondary">{translate('app.praise-integrity.period', { from: time(from), to: time(to) })}</Typography>}
      {network && <Typography color="text.secondary">{translate('app.praise-integrity.network', { network })}</Typography>}
    </Stack>
  );
};

/** The flag's reviews: level, channel, times, the delay after completion, where and from what they came. */
const Reviews = () => {
  const record = useRecordContext<FlagDetail>();
  const translate = useTranslate();
  // The list's row stands in for the record until the flag itself (with its reviews) has loaded.
  if (!record?.reviews) return null;
  const t = (key: string) => translate(`app.praise-integrity.review.${key}`);
  return (
    <Box>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {translate('app.praise-integrity.reviews_title')}
      </Typography>
      <Table size="small" aria-label={translate('app.praise-integrity.reviews_title')}>
        <TableHead>
          <TableRow>
            {['trackingCode', 'level', 'channel', 'caseCompletedAt', 'createdAt', 'secondsAfterCompletion', 'window', 'staff', 'clientIp', 'clientDevice', 'excluded'].map((key) => (
              <TableCell key={key}>{t(key)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {record.reviews.map((review) => (
            <TableRow key={review.id}>
              <TableCell>{review.trackingCode}</TableCell>
              <TableCell>{reviewLevelLabel(review.level)}</TableCell>
              <TableCell>{REVIEW_CHANNEL_LABELS[review.channel as keyof typeof REVIEW_CHANNEL_LABELS] ?? review.channel}</TableCell>
              <TableCell>{time(review.caseCompletedAt)}</TableCell>
              <TableCell>{time(review.createdAt)}</TableCell>
              <TableCell align="right">{review.secondsAfterCompletion ?? '—'}</TableCell>
              <TableCell>{review.windowName ?? '—'}</TableCell>
              <TableCell>{review.staffName ?? '—'}</TableCell>
              <TableCell>{review.clientIp ?? '—'}</TableCell>
              <TableCell>{review.clientDevice ?? '—'}</TableCell>
              <TableCell>{review.excludedFromFiguresAt ? translate('app.praise-integrity.excluded') : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** 已核查（无问题） or 确认刷好评 (after a confirmation dialog), with an optional note; only while the flag is open. */
const Decision = () => {
  const record = useRecordContext<FlagDetail>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (decision: 'CLEARED' | 'CONFIRMED') => dataProvider.decidePraiseFlag(record!.id, decision, note.trim() || undefined),
    onSuccess: () => {
      notify('app.praise-integrity.decided', { type: 'info' });
      void queryClient.invalidateQueries();
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error', messageArgs: { _: error.message } }),
    onSettled: () => setConfirming(false),
  });
  if (!record || record.status !== 'OPEN') return null;
  return (
    <Stack spacing={1} sx={{ maxWidth: 600 }}>
      <MuiTextField label={translate('app.praise-integrity.note')} value={note} onChange={(event) => setNote(event.target.value)} multiline minRows={2} inputProps={{ maxLength: 500 }} />
      <Stack direction="row" spacing={2}>
        <Button label="app.praise-integrity.clear" variant="outlined" onClick={() => mutate('CLEARED')} disabled={isPending} />
        <Button label="app.praise-integrity.confirm" variant="contained" color="error" onClick={() => setConfirming(true)} disabled={isPending} />
      </Stack>
      <Confirm
        isOpen={confirming}
        loading={isPending}
        title="app.praise-integrity.confirm_title"
        content="app.praise-integrity.confirm_content"
        translateOptions={{ count: record.reviewCount }}
        onConfirm={() => mutate('CONFIRMED')}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
};

/** One flag: its subject, its evidence, its reviews, and the county's decision. */
export const FlagShow = () => (
  <Show>
    <SimpleShowLayout>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
        <Labeled>
          <TextField source="day" />
        </Labeled>
        <Labeled>
          <TextField source="hallName" />
        </Labeled>
        <Labeled>
          <TextField source="ruleLabel" />
        </Labeled>
        <Labeled>
          <TextField source="subjectLabel" />
        </Labeled>
        <Labeled>
          <FunctionField source="status" render={(record: FlagDetail) => <FlagStatusChip status={record.status} />} />
        </Labeled>
        <Labeled>
          <DateField source="decidedAt" showTime locales="zh-CN" options={SHANGHAI_DATE_TIME_FORMAT} emptyText="—" />
        </Labeled>
        <Labeled>
          <TextField source="decisionNote" emptyText="—" />
        </Labeled>
      </Box>
      <Evidence />
      <Reviews />
      <Decision />
    </SimpleShowLayout>
  </Show>
);
