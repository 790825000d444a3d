import RefreshIcon from '@mui/icons-material/Refresh';
import {
  Alert,
  AlertTitle,
  Card,
  CardContent,
  CardHeader,
  Divider,
  IconButton,
  LinearProgress,
  Tooltip,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { SHANGHAI_DATE_TIME_FORMAT } from '@haochaping/working-time';
import { ApiUnreachableError, HEALTH_SERVICES } from '../health/api-health';
import { ServiceStatusRow } from './ServiceStatusRow';
import { useApiHealth } from './use-api-health';

const timeFormat = new Intl.DateTimeFormat('zh-CN', { ...SHANGHAI_DATE_TIME_FORMAT, timeStyle: 'medium' });

export const ApiHealthPanel = () => {
  const translate = useTranslate();
  const { data: report, error, isPending, isFetching, dataUpdatedAt, errorUpdatedAt, refetch } = useApiHealth();
  const lastCheckedAt = Math.max(dataUpdatedAt, errorUpdatedAt);

  return (
    <Card>
      <CardHeader
        title={translate('app.health.title')}
        subheader={translate('app.health.auto_refresh')}
        action={
          <Tooltip title={translate('app.health.refresh')}>
            <span>
              <IconButton aria-label={translate('app.health.refresh')} onClick={() => void refetch()} disabled={isFetching}>
                <RefreshIcon />
              </IconButton>
            </span>
          </Tooltip>
        }
      />
      {/* Fixed height so the card does not jump on every poll. */}
      <LinearProgress sx={{ visibility: isFetching ? 'visible' : 'hidden' }} />
      <CardContent>
        {isPending && !error ? (
          <Typography color="text.secondary">{translate('app.health.checking')}</Typography>
        ) : error ? (
          // An error wins over an older report: the services' state is unknown now.
          <Alert severity="error" variant="outlined">
            <AlertTitle>{translate('app.health.unreachable_title')}</AlertTitle>
            {translate('app.health.unreachable_message', {
              detail: error instanceof ApiUnreachableError ? error.detail : error.message,
            })}
          </Alert>
        ) : report ? (
          <>
            <Alert severity={report.status === 'ok' ? 'success' : 'warning'} sx={{ mb: 1 }}>
              {translate(report.status === 'ok' ? 'app.health.all_up' : 'app.health.some_down')}
            </Alert>
            {HEALTH_SERVICES.map((service, index) => (
              <div key={service}>
                {index > 0 && <Divider />}
                <ServiceStatusRow service={service} check={report.checks[service]} />
              </div>
            ))}
          </>
        ) : null}
        {lastCheckedAt > 0 && (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 2 }}>
            {translate('app.health.last_checked', { time: timeFormat.format(lastCheckedAt) })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
