import { Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { citizenApi, type ReviewTarget } from '../api/citizen-api';
import { CitizenLayout } from '../layout/CitizenLayout';
import { RatingForm } from '../rating/RatingForm';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { useLoad } from '../shared/use-load';
import { useShowSubmitted } from '../submitted/use-show-submitted';

/**
 * /citizen/feedback?hall=&window= — 随时可评: an opinion on a hall (and optionally one of its windows), without
 * a case. Native selects: the phone's own picker is the easiest to use and never a popup WeChat could block.
 */
export function FeedbackPage() {
  const [params] = useSearchParams();
  const [hallCode, setHallCode] = useState(params.get('hall') ?? '');
  const [windowCode, setWindowCode] = useState(params.get('window') ?? '');
  const [halls, reloadHalls] = useLoad((signal) => citizenApi.listHalls(signal), []);
  const [hall] = useLoad((signal) => (hallCode ? citizenApi.getHall(hallCode, signal) : Promise.resolve(null)), [hallCode]);
  const showSubmitted = useShowSubmitted();

  const windows = hall.status === 'done' && hall.data ? hall.data.windows : [];
  const target: ReviewTarget | null = hallCode ? { channel: 'PUBLIC_FORM', hallCode, ...(windowCode ? { windowCode } : {}) } : null;

  return (
    <CitizenLayout title="随时可评">
      <Typography sx={{ mb: 2 }}>对镇（街道）为民服务中心的服务有意见或建议，随时可以在这里评价。没有办件也可以评价。</Typography>
      {halls.status === 'failed' ? <ApiErrorAlert error={halls.error} title="服务大厅列表加载失败" onRetry={reloadHalls} /> : null}
      <Stack spacing={2} sx={{ mb: 3 }}>
        <TextField
          select
          label="服务大厅（镇、街道）"
          required
          value={hallCode}
          onChange={(event) => {
            setHallCode(event.target.value);
            setWindowCode('');
          }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="">请选择服务大厅</option>
          {halls.status === 'done'
            ? halls.data.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))
            : hallCode !== '' && <option value={hallCode}>{hall.status === 'done' && hall.data ? hall.data.name : hallCode}</option>}
        </TextField>
        {hall.status === 'failed' ? <ApiErrorAlert error={hall.error} /> : null}
        <TextField
          select
          label="窗口（选填）"
          value={windowCode}
          disabled={!hallCode}
          onChange={(event) => setWindowCode(event.target.value)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="">不指定窗口</option>
          {windows.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
          {windowCode !== '' && !windows.some((option) => option.code === windowCode) ? <option value={windowCode}>{windowCode}</option> : null}
        </TextField>
      </Stack>
      <RatingForm nature="OFFLINE" mode="open" target={target} missingTarget="请先选择服务大厅" onSubmitted={showSubmitted} />
    </CitizenLayout>
  );
}
