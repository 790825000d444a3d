import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { citizenApi, type CitizenApiError, type ConfirmationAnswer } from '../api/citizen-api';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { formatDateTime } from '../shared/format';
import { SUPERVISION_HOTLINE } from '../shared/hotline';
import { asCitizenApiError } from '../shared/use-load';

interface ConfirmationQuestionProps {
  trackingCode: string;
  phoneLast4: string;
  dueAt?: string | null;
  onAnswered: () => void;
}

/**
 * 满意/不满意 on the rectification result, while the status says the confirmation is open. The endpoint belongs
 * to another issue: until it exists the API answers 404, and the page says how to answer by phone instead.
 */
export function ConfirmationQuestion({ trackingCode, phoneLast4, dueAt, onAnswered }: ConfirmationQuestionProps) {
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState<ConfirmationAnswer | null>(null);
  const [error, setError] = useState<CitizenApiError | null>(null);
  const [unavailable, setUnavailable] = useState(false);

  async function answer(choice: ConfirmationAnswer) {
    setError(null);
    setSending(choice);
    try {
      const trimmed = comment.trim();
      await citizenApi.confirmResult(trackingCode, { ...(phoneLast4 ? { phoneLast4 } : {}), answer: choice, ...(trimmed ? { comment: trimmed } : {}) });
      onAnswered();
    } catch (caught) {
      const failure = asCitizenApiError(caught);
      if (failure.status === 404 && failure.code !== 'REVIEW_NOT_FOUND') setUnavailable(true);
      else setError(failure);
    } finally {
      setSending(null);
    }
  }

  return (
    <Box component="section" aria-label="整改结果确认" sx={{ mt: 3, p: 2, border: 2, borderColor: 'primary.main', borderRadius: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        您对整改结果满意吗？
      </Typography>
      {dueAt ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          请在 {formatDateTime(dueAt)} 前答复；逾期未答复视为无异议。
        </Typography>
      ) : null}
      <TextField
        label="补充说明（选填）"
        multiline
        minRows={2}
        fullWidth
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        sx={{ mt: 2 }}
        slotProps={{ htmlInput: { maxLength: 500 } }}
      />
      <Stack direction="row" spacing={1.5} sx={{ mt: 2 }}>
        <Button variant="contained" color="success" fullWidth disabled={sending !== null || unavailable} onClick={() => void answer('SATISFIED')}>
          {sending === 'SATISFIED' ? '正在提交…' : '满意'}
        </Button>
        <Button variant="contained" color="error" fullWidth disabled={sending !== null || unavailable} onClick={() => void answer('UNSATISFIED')}>
          {sending === 'UNSATISFIED' ? '正在提交…' : '不满意'}
        </Button>
      </Stack>
      {unavailable ? (
        <Alert severity="warning" role="alert" sx={{ mt: 2 }}>
          暂时无法在线确认，请拨打监督热线 {SUPERVISION_HOTLINE} 告诉我们您的意见。
        </Alert>
      ) : null}
      {error ? <ApiErrorAlert error={error} /> : null}
    </Box>
  );
}
