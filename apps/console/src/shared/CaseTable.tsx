import { Box, Link, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useCreatePath, useTranslate } from 'react-admin';
import { reviewLevelLabel } from '@haochaping/contracts';
import type { RectificationCase } from '../rectifications/rectification.types';
import { EscalationBadge, StateChip } from './CaseBadges';
import { DueCountdown } from './DueCountdown';
import { beijingDateTime, nearestDue } from './countdown';

/**
 * Rectification cases as a compact table (工作台's 我的待办, 超期督办's list): hall and level linking to the case,
 * state with its escalation badge, the nearest due time with a live countdown; overdue rows tinted red.
 */
export const CaseTable = ({ rows, testId, showOpenedAt = false }: { rows: readonly RectificationCase[]; testId: string; showOpenedAt?: boolean }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    // Wide enough for a tablet held upright: the table scrolls sideways instead of squeezing the countdown.
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.rectifications.fields.hallCode')}</TableCell>
            <TableCell>{translate('resources.rectifications.fields.state')}</TableCell>
            <TableCell>{translate('resources.rectifications.fields.nearestDue')}</TableCell>
            <TableCell>{translate('app.dashboard.countdown')}</TableCell>
            {showOpenedAt && <TableCell>{translate('resources.rectifications.fields.openedAt')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((record) => (
            <TableRow key={record.id} hover sx={record.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : undefined}>
              <TableCell>
                <Link component={RouterLink} to={createPath({ resource: 'rectifications', id: record.id, type: 'show' })}>
                  {record.hallName} · {reviewLevelLabel(record.level)}
                </Link>
              </TableCell>
              <TableCell>
                <StateChip state={record.state} label={record.stateLabel} /> <EscalationBadge level={record.escalationLevel} />
              </TableCell>
              <TableCell>{beijingDateTime(nearestDue(record))}</TableCell>
              <TableCell>
                <DueCountdown dueAt={nearestDue(record)} />
              </TableCell>
              {showOpenedAt && <TableCell>{beijingDateTime(record.openedAt)}</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
