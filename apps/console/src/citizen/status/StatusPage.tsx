import { Alert, Box, Button, Chip, Divider, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { citizenApi, type CitizenApiError, type ReviewStatus } from '../api/citizen-api';
import { CitizenLayout } from '../layout/CitizenLayout';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { formatDateTime } from '../shared/format';
import { asCitizenApiError } from '../shared/use-load';
import { ConfirmationQuestion } from './ConfirmationQuestion';
import { normalizeTrackingCode } from '@haochaping/privacy';
import { normalizeLastFour } from './tracking-code';

/** /citizen/status?code= — where a review stands, by tracking code and (for reviews with a phone) its last four digits. */
export function StatusPage() {
  const [params] = useSearchParams();
  const [code, setCode] = useState(normalizeTrackingCode(params.get('code') ?? ''));
  const [lastFour, setLastFour] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [error, setError] = useState<CitizenApiError | null>(null);
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [answered, setAnswered] = useState(false);
  // What the shown status was found with: the confirmation must send the same pair.
  const [asked, setAsked] = useState<{ code: string; lastFour: string } | null>(null);

  async function lookUp(pair: { code: string; lastFour: string }) {
    setError(null);
    if (pair.code === '') {
      setCodeError('请输入查询码');
      return;
    }
    setCodeError(null);
    setLooking(true);
    try {
      setStatus(await citizenApi.getStatus(pair.code, pair.lastFour || undefined));
      setAsked(pair);
    } catch (caught) {
      setStatus(null);
      setError(asCitizenApiError(caught));
    } finally {
      setLooking(false);
    }
  }

  return (
    <CitizenLayout title="查询评价处理进度">
      <Box
        component="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setAnswered(false);
          void lookUp({ code, lastFour });
        }}
      >
        <Stack spacing={2}>
          <TextField
            label="查询码"
            value={code}
            onChange={(event) => setCode(normalizeTrackingCode(event.target.value))}
            error={Boolean(codeError)}
            helperText={codeError ?? '提交评价后页面上显示的编号'}
            slotProps={{ htmlInput: { autoCapitalize: 'characters', autoComplete: 'off', spellCheck: false, maxLength: 20 } }}
          />
          <TextField
            label="手机号后四位"
            type="tel"
            value={lastFour}
            onChange={(event) => setLastFour(normalizeLastFour(event.target.value))}
            helperText="实名评价或留了手机号的评价必填；匿名评价不用填"
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, autoComplete: 'off' } }}
          />
          <Button type="submit" variant="contained" disabled={looking}>
            {looking ? '正在查询…' : '查询'}
          </Button>
        </Stack>
      </Box>
      {error ? <ApiErrorAlert error={error} /> : null}
      {status && asked ? (
        <StatusCard status={status}>
          {answered ? (
            <Alert severity="success" sx={{ mt: 2 }}>
              感谢您的确认，我们已收到您的意见。
            </Alert>
          ) : null}
          {status.rectification?.confirmationOpen && !answered ? (
            <ConfirmationQuestion
              trackingCode={status.trackingCode}
              phoneLast4={asked.lastFour}
              dueAt={status.rectification.confirmationDueAt}
              onAnswered={() => {
                setAnswered(true);
                void lookUp(asked);
              }}
            />
          ) : null}
        </StatusCard>
      ) : null}
    </CitizenLayout>
  );
}

function StatusCard({ status, children }: { status: ReviewStatus; children: ReactNode }) {
  const rectification = status.rectification;
  return (
    <Paper component="section" aria-label="评价处理进度" sx={{ p: 2, mt: 3 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          查询码 {status.trackingCode}
        </Typography>
        <Chip color="primary" label={status.stage.label} data-testid="review-stage" />
      </Stack>
      <Divider sx={{ my: 1.5 }} />
      <Row label="您的评价">{status.levelLabel}</Row>
      <Row label="服务大厅">{status.hallName}</Row>
      <Row label="评价时间">{formatDateTime(status.createdAt)}</Row>
      {status.adoption === 'NOT_ADOPTED' ? <Row label="审核结果">经核实，该评价不予采纳</Row> : null}
      {rectification ? (
        <>
          <Row label="整改状态">
            <span data-testid="rectification-state">{rectification.stateLabel}</span>
          </Row>
          {rectification.resultSummary ? <Row label="整改结果">{rectification.resultSummary}</Row> : null}
          {rectification.outcomeLabel ? <Row label="办结结果">{rectification.outcomeLabel}</Row> : null}
        </>
      ) : null}
      {children}
    </Paper>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack direction="row" spacing={2} sx={{ py: 0.75 }}>
      <Typography sx={{ color: 'text.secondary', minWidth: 72, flexShrink: 0 }}>{label}</Typography>
      <Typography sx={{ wordBreak: 'break-word' }}>{children}</Typography>
    </Stack>
  );
}
