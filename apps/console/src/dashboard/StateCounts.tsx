import { Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { RECTIFICATION_STATES, type RectificationState } from '@haochaping/contracts';
import { useRectificationListLink } from '../supervision/use-rectification-list-link';

const COUNTED: RectificationState[] = ['PENDING_VERIFICATION', 'RECTIFYING', 'REJECTION_PENDING', 'EXTENSION_PENDING', 'AWAITING_CONFIRMATION', 'REOPENED'];

/** One number, read as the total of a one-row page (the API counts in the user's scope). */
const CountTile = ({ label, filter, color }: { label: string; filter: Record<string, unknown>; color?: string }) => {
  const listLink = useRectificationListLink();
  const navigate = useNavigate();
  // A sort the API knows: without one react-admin asks for ["id","DESC"], which the list refuses (422), and the
  // tile would wait for its number forever.
  const { total } = useGetList('rectifications', { filter, sort: { field: 'openedAt', order: 'DESC' }, pagination: { page: 1, perPage: 1 } }, { refetchInterval: 30_000 });
  return (
    <Grid size={{ xs: 6, sm: 4, md: 'grow' }}>
      <Card variant="outlined">
        <CardActionArea onClick={() => void navigate(listLink(filter))}>
          <CardContent sx={{ py: 1.5 }}>
            <Typography variant="body2" color="text.secondary" noWrap>
              {label}
            </Typography>
            <Typography variant="h5" component="p" sx={{ color }}>
              {total ?? '…'}
            </Typography>
          </CardContent>
        </CardActionArea>
      </Card>
    </Grid>
  );
};

/** 各状态工单数, plus the overdue ones in red. */
export const StateCounts = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('app.dashboard.counts')}
        </Typography>
        <Grid container spacing={1.5}>
          {COUNTED.map((state) => (
            <CountTile key={state} label={RECTIFICATION_STATES[state]} filter={{ state: [state] }} />
          ))}
          <CountTile label={translate('app.presets.overdue')} filter={{ overdue: true }} color="error.main" />
        </Grid>
      </CardContent>
    </Card>
  );
};
