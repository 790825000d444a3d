import { Stack } from '@mui/material';
import type { FC } from 'react';
import type { FieldProps } from 'react-admin';
import { EscalationBadge, StateChip } from '../shared/CaseBadges';

/** State, then the 督办 badge when it applies (typed as a field: Datagrid reads source, label, sortable). */
export const CaseBadgesField: FC<FieldProps> = () => (
  <Stack direction="row" spacing={0.5}>
    <StateChip />
    <EscalationBadge />
  </Stack>
);
