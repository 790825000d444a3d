import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { countdown, formatCountdown } from './countdown';
import { useNow } from './use-now';

/** A live countdown to a due time; red once it has passed. */
export const DueCountdown = ({ dueAt }: { dueAt: string | null | undefined }) => {
  const now = useNow();
  const translate = useTranslate();
  if (!dueAt) return <Typography variant="body2" color="text.secondary">—</Typography>;
  const left = countdown(dueAt, now);
  return (
    <Typography variant="body2" component="span" data-testid="due-countdown" sx={{ color: left.overdue ? 'error.main' : 'text.primary', fontWeight: left.overdue ? 600 : 400, whiteSpace: 'nowrap' }}>
      {translate(left.overdue ? 'app.due.overdue_by' : 'app.due.left', { time: formatCountdown(left) })}
    </Typography>
  );
};
