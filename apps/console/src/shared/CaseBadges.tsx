import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const STATE_COLORS: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'info' | 'error'> = {
  PENDING_VERIFICATION: 'warning',
  REJECTION_PENDING: 'secondary',
  RECTIFYING: 'primary',
  EXTENSION_PENDING: 'secondary',
  AWAITING_CONFIRMATION: 'info',
  REOPENED: 'error',
  CLOSED: 'success',
};

/** The case's state as the API labels it (Chinese), coloured by state. */
export const StateChip = ({ state, label }: { state?: string; label?: string }) => {
  const record = useRecordContext<{ state: string; stateLabel: string }>();
  const value = state ?? record?.state;
  const text = label ?? record?.stateLabel;
  if (!value) return null;
  return <Chip size="small" label={text ?? value} color={STATE_COLORS[value] ?? 'default'} data-testid="state-chip" />;
};

/** 督办 level: nothing at 0, 镇街督办 at 1, 县级督办 at 2. */
export const EscalationBadge = ({ level }: { level?: number }) => {
  const record = useRecordContext<{ escalationLevel: number }>();
  const translate = useTranslate();
  const value = level ?? record?.escalationLevel ?? 0;
  if (value === 0) return null;
  return <Chip size="small" variant="outlined" color={value >= 2 ? 'error' : 'warning'} label={translate(`app.escalation.level_${value}`)} />;
};
