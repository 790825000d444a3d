import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { CitizenLayout } from '../layout/CitizenLayout';
import { isBadReview, reviewLevelLabel } from '@haochaping/contracts';
import { copyText } from '../shared/copy-text';

/** What the rating page hands over besides the code (lost on a reload, which the page survives without). */
export interface SubmittedState {
  level: number;
  created: boolean;
}

const isSubmittedState = (value: unknown): value is SubmittedState =>
  typeof value === 'object' && value !== null && typeof (value as SubmittedState).level === 'number' && typeof (value as SubmittedState).created === 'boolean';

/** After a rating: the tracking code, big, copyable, and the way to the status page. */
export function SubmittedPage() {
  const { trackingCode = '' } = useParams();
  const location = useLocation();
  const state: unknown = location.state;
  const submitted = isSubmittedState(state) ? state : null;
  const [copied, setCopied] = useState<boolean | null>(null);

  return (
    <CitizenLayout title="评价已提交">
      <Paper sx={{ p: 3, textAlign: 'center' }}>
        <CheckCircleIcon color="success" sx={{ fontSize: 56 }} />
        <Typography variant="h5" component="h2" sx={{ fontWeight: 600, mt: 1 }}>
          感谢您的评价
        </Typography>
        {submitted && !submitted.created ? (
          // A retry whose first try had gone through after all: the API answered with that first review.
          <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
            您之前的提交已经成功，这次没有重复记录。
          </Typography>
        ) : null}
        {submitted ? (
          <Typography sx={{ mt: 1, color: 'text.secondary' }}>
            您的评价：{reviewLevelLabel(submitted.level)}
            {isBadReview(submitted.level) ? '。工作人员会尽快核实处理，处理结果可凭查询码查询。' : ''}
          </Typography>
        ) : null}
        <Typography sx={{ mt: 3 }}>您的查询码</Typography>
        <Box
          data-testid="tracking-code"
          sx={{ fontFamily: 'monospace', fontSize: 32, fontWeight: 700, letterSpacing: 3, userSelect: 'all', my: 1, wordBreak: 'break-all' }}
        >
          {trackingCode}
        </Box>
        <Stack spacing={1.5} sx={{ mt: 2 }}>
          <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copyText(trackingCode).then(setCopied)}>
            {copied ? '已复制' : '复制查询码'}
          </Button>
          {copied === false ? <Alert severity="warning">无法自动复制，请长按查询码复制，或截图保存。</Alert> : null}
          <Button variant="contained" component={RouterLink} to={`/citizen/status?code=${encodeURIComponent(trackingCode)}`}>
            查询处理进度
          </Button>
        </Stack>
        <Typography variant="body2" sx={{ mt: 3, color: 'text.secondary', textAlign: 'left' }}>
          请保存好查询码（可截图）。查询进度时需要查询码；实名评价还需要手机号后四位。
        </Typography>
      </Paper>
    </CitizenLayout>
  );
}
