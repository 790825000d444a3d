import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { beijingDateTime } from '../shared/countdown';
import type { CallbackProof, TimelineEntry } from './rectification.types';
import { timelineFacts } from './timeline-facts';

/**
 * The case's history, newest first, in the workflow's own Chinese wording of each step. The API names who took each
 * step and the departments it mentions (actorLabel, actionLabel): the console never shows an account id or a code.
 * Under each step, what it recorded that the next person must read (timeline-facts.ts): an extension's reason and
 * the reviewer's answer for the county deciding it, a finding's evidence, measures and result, a note's text.
 */
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
            <Typography variant="body2">{entry.actionLabel}</Typography>
            <Typography variant="caption" color="text.secondary" data-testid="timeline-actor">
              {entry.actorLabel}
            </Typography>
            {timelineFacts(entry.details).map((fact) => (
              <Typography key={fact.label} variant="body2" color="text.secondary" component="div" data-testid="timeline-fact">
                {fact.label}：{fact.value}
              </Typography>
            ))}
            {entry.callbackProof ? <CallbackProofLine proof={entry.callbackProof} /> : null}
          </Box>
        </Box>
      ))}
    </Box>
  );
};

/** 补录 (recorded over a working hour after the stated time) in amber; the call-log check green when verified. */
const PROOF_COLOURS: Record<string, 'warning' | 'success' | 'default'> = { 补录: 'warning', 通话记录已核验: 'success' };

/** A callback's two times and its proof, under its timeline entry. */
const CallbackProofLine = ({ proof }: { proof: CallbackProof }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="callback-proof">
      <Typography variant="caption" color="text.secondary" component="div">
        {translate('app.rectification.callback_times', { statedAt: beijingDateTime(proof.statedAt), recordedAt: beijingDateTime(proof.recordedAt) })}
      </Typography>
      {proof.labels.length > 0 ? (
        <Stack direction="row" spacing={0.5} sx={{ mt: 0.5 }}>
          {proof.labels.map((label) => (
            <Chip key={label} label={label} size="small" variant="outlined" color={PROOF_COLOURS[label] ?? 'default'} />
          ))}
        </Stack>
      ) : null}
    </Box>
  );
};
