import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ImprovementItem } from './improvements.types';

const COLORS = { PENDING: 'warning', IN_PROGRESS: 'info', DONE: 'success' } as const;

/** The status, and 已超期 in red beside it while an open item is past its due date. */
export const ImprovementStatusChip = ({ item }: { item: Pick<ImprovementItem, 'status' | 'overdue'> }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5}>
      <Chip size="small" color={COLORS[item.status]} label={translate(`app.improvements.statuses.${item.status}`)} />
      {item.overdue && <Chip size="small" color="error" label={translate('app.improvements.overdue')} data-testid="improvement-overdue" />}
    </Stack>
  );
};
