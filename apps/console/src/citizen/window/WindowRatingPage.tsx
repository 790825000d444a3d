import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { citizenApi, type RateableCase, type WindowInfo } from '../api/citizen-api';
import { CitizenLayout } from '../layout/CitizenLayout';
import { RatingForm } from '../rating/RatingForm';
import { useShowSubmitted } from '../submitted/use-show-submitted';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { CaseSummary } from '../shared/CaseSummary';
import { useLoad } from '../shared/use-load';
import { CaseChoice } from './CaseChoice';
import { PhoneLookupStep } from './PhoneLookupStep';

type Step =
  | { kind: 'phone' }
  | { kind: 'choose'; phone: string; cases: RateableCase[] }
  | { kind: 'rate'; phone: string; chosen: RateableCase; choices: RateableCase[] }
  | { kind: 'none' };

/** /citizen/w/:hallCode/:windowCode — the QR code on a window (线下“一次一评”). */
export function WindowRatingPage() {
  const { hallCode = '', windowCode = '' } = useParams();
  const [windowInfo, reload] = useLoad((signal) => citizenApi.getWindow(hallCode, windowCode, signal), [hallCode, windowCode]);
  const [step, setStep] = useState<Step>({ kind: 'phone' });
  const navigate = useNavigate();
  const showSubmitted = useShowSubmitted();
  const feedbackOnThisWindow = () => void navigate(`/citizen/feedback?hall=${encodeURIComponent(hallCode)}&window=${encodeURIComponent(windowCode)}`);

  if (windowInfo.status === 'loading') {
    return (
      <CitizenLayout title="窗口服务评价">
        <CircularProgress aria-label="正在加载" />
      </CitizenLayout>
    );
  }
  if (windowInfo.status === 'failed') {
    return (
      <CitizenLayout title="窗口服务评价">
        <ApiErrorAlert error={windowInfo.error} title="无法打开这个窗口的评价页" onRetry={windowInfo.error.status === 0 || windowInfo.error.status >= 500 ? reload : undefined} />
        <Button variant="outlined" fullWidth onClick={() => void navigate('/citizen/feedback')}>
          随时可评：对服务大厅提意见
        </Button>
      </CitizenLayout>
    );
  }

  return (
    <CitizenLayout title="窗口服务评价">
      <WindowHeading info={windowInfo.data} />
      {step.kind === 'phone' ? (
        <PhoneLookupStep
          hallCode={hallCode}
          windowCode={windowCode}
          onSkip={feedbackOnThisWindow}
          onFound={(phone, cases) => {
            const [only] = cases;
            if (cases.length === 0 || !only) setStep({ kind: 'none' });
            else if (cases.length === 1) setStep({ kind: 'rate', phone, chosen: only, choices: cases });
            else setStep({ kind: 'choose', phone, cases });
          }}
        />
      ) : null}
      {step.kind === 'choose' ? <CaseChoice cases={step.cases} onChoose={(chosen) => setStep({ kind: 'rate', phone: step.phone, chosen, choices: step.cases })} /> : null}
      {step.kind === 'rate' ? (
        <>
          <CaseSummary serviceItemName={step.chosen.serviceItemName} caseNumberMasked={step.chosen.caseNumberMasked} completedAt={step.chosen.completedAt} />
          {step.choices.length > 1 ? (
            <Button variant="text" onClick={() => setStep({ kind: 'choose', phone: step.phone, cases: step.choices })} sx={{ mb: 1, px: 0 }}>
              ← 换一件评价
            </Button>
          ) : null}
          <RatingForm
            // A new form (and a new clientKey) per case.
            key={step.chosen.caseId}
            nature={step.chosen.nature}
            mode="case-bound"
            target={{ channel: 'WINDOW_QR', hallCode, windowCode, caseId: step.chosen.caseId, phone: step.phone }}
            onSubmitted={showSubmitted}
          />
        </>
      ) : null}
      {step.kind === 'none' ? (
        <>
          <Alert severity="info" role="status" sx={{ mb: 2 }}>
            没有找到可以评价的办件。窗口扫码评价只能评价在本窗口办结、办结后 5 个工作日内、还没有评价过的办件。
          </Alert>
          <Stack spacing={1.5}>
            <Button variant="contained" onClick={feedbackOnThisWindow}>
              对本窗口提意见（随时可评）
            </Button>
            <Button variant="outlined" onClick={() => setStep({ kind: 'phone' })}>
              重新输入手机号
            </Button>
          </Stack>
        </>
      ) : null}
    </CitizenLayout>
  );
}

function WindowHeading({ info }: { info: WindowInfo }) {
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>
        {info.hall.name}
      </Typography>
      <Typography sx={{ color: 'text.secondary' }}>{info.window.name}</Typography>
    </Box>
  );
}
