import { Box, Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { beijingDateTime } from '../shared/countdown';
import type { TimelineEntry } from './rectification.types';

/** The case's history, newest first, with the workflow's own Chinese wording of each step. */
export const TimelineList = ({ entries }: { entries: readonly TimelineEntry[] }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  // The timeline names people by account id; the console can name the signed-in user, the others stay an id.
  const who = (actor: string) =>
    actor === 'system' ? translate('app.rectification.system') : actor === identity?.id ? String(identity.fullName ?? actor) : translate('app.rectification.staff', { id: actor.slice(0, 8) });
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
              {who(entry.actor)}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  );
};
