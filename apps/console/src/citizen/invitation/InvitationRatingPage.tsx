import { Alert, AlertTitle, Button, CircularProgress, Stack } from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router';
import { citizenApi, type CitizenApiError } from '../api/citizen-api';
import { CitizenLayout } from '../layout/CitizenLayout';
import { RatingForm } from '../rating/RatingForm';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { CaseSummary } from '../shared/CaseSummary';
import { SUPERVISION_HOTLINE } from '../shared/hotline';
import { useLoad } from '../shared/use-load';
import { useShowSubmitted } from '../submitted/use-show-submitted';

/** Headings for the invitation refusals of docs/INTAKE-API.md; the API's message says the rest. */
const INVITATION_REFUSALS: Record<string, string> = {
  INVITATION_EXPIRED: '评价链接已过期',
  INVITATION_USED: '这个办件已经评价过了',
  CASE_ALREADY_RATED: '这个办件已经评价过了',
  RATING_PERIOD_CLOSED: '已过评价期限',
  INVITATION_NOT_FOUND: '评价链接无效',
};
const ALREADY_RATED = new Set(['INVITATION_USED', 'CASE_ALREADY_RATED']);

/** /citizen/i/:token — the signed, single-use link of one case (SMS, per-case QR, the evaluator at a window). */
export function InvitationRatingPage() {
  const { token = '' } = useParams();
  const [invitation, reload] = useLoad((signal) => citizenApi.getInvitation(token, signal), [token]);
  const showSubmitted = useShowSubmitted();

  return (
    <CitizenLayout title="办件服务评价">
      {invitation.status === 'loading' ? <CircularProgress aria-label="正在加载" /> : null}
      {invitation.status === 'failed' ? <InvitationRefused error={invitation.error} onRetry={reload} /> : null}
      {invitation.status === 'done' ? (
        <>
          <CaseSummary
            serviceItemName={invitation.data.serviceItemName}
            caseNumberMasked={invitation.data.caseNumberMasked}
            place={[invitation.data.hallName, invitation.data.windowName].filter(Boolean).join(' · ')}
            completedAt={invitation.data.completedAt}
          />
          <RatingForm nature={invitation.data.nature} mode="case-bound" target={{ channel: 'CASE_INVITATION', invitationToken: token }} onSubmitted={showSubmitted} />
        </>
      ) : null}
    </CitizenLayout>
  );
}

function InvitationRefused({ error, onRetry }: { error: CitizenApiError; onRetry: () => void }) {
  const heading = INVITATION_REFUSALS[error.code];
  if (!heading) return <ApiErrorAlert error={error} title="评价页打开失败" onRetry={onRetry} />;
  return (
    <>
      <Alert severity={ALREADY_RATED.has(error.code) ? 'info' : 'warning'} role="alert" sx={{ mb: 2 }}>
        <AlertTitle>{heading}</AlertTitle>
        {error.message}
      </Alert>
      <Stack spacing={1.5}>
        {ALREADY_RATED.has(error.code) ? (
          <Button variant="contained" component={RouterLink} to="/citizen/status">
            凭查询码查询处理进度
          </Button>
        ) : null}
        <Button variant="outlined" component={RouterLink} to="/citizen/feedback">
          随时可评：对服务大厅提意见
        </Button>
      </Stack>
      <Alert severity="info" role="note" sx={{ mt: 2 }}>
        也可以到办事窗口扫码评价，或拨打监督热线 {SUPERVISION_HOTLINE}。
      </Alert>
    </>
  );
}
