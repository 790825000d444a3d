import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { beijingDateTime } from '../shared/countdown';
import type { TimelineEntry } from './rectification.types';

/** The case's history, newest first, with the workflow's own Chinese wording of each step. */
export const TimelineList = ({ entries }: { entries: readonly TimelineEntry[] }) => {
  const translate = useTranslate();
  if (entries.length === 0) return <Typography color="text.secondary">{translate('app.rectification.no_timeline')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="timeline">
      {[...entries].reverse().map((entry, index) => (
        <Box component="li" key={`${entry.at}-${index}`} sx={{ display: 'flex', gap: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
          <Typography variant="body2" color="text.secondary" sx={{ minWidth: 130, flexShrink: 0 }}>
            {beijingDateTime(entry.at)}
          </Typography>
          <Box>
            <Typography variant="body2">{entry.action}</Typography>
            <Typography variant="caption" color="text.secondary">
              {entry.actor === 'system' ? translate('app.rectification.system') : entry.actor}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  );
};
