import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { HealthService, ServiceCheck } from '../health/api-health';

export const ServiceStatusRow = ({ service, check }: { service: HealthService; check: ServiceCheck }) => {
  const translate = useTranslate();
  const isUp = check.status === 'up';
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', py: 1 }}>
      <Typography sx={{ minWidth: 180, fontWeight: 500 }}>{translate(`app.health.service.${service}`)}</Typography>
      <Chip
        color={isUp ? 'success' : 'error'}
        icon={isUp ? <CheckCircleIcon /> : <ErrorIcon />}
        label={translate(`app.health.status.${check.status}`)}
        size="small"
      />
      {check.latencyMs !== undefined && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.health.latency', { ms: Math.round(check.latencyMs) })}
        </Typography>
      )}
      {!isUp && check.error && (
        // The API's own wording, for whoever has to fix it; not translated on purpose.
        <Typography variant="body2" color="error" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {check.error}
        </Typography>
      )}
    </Stack>
  );
};
