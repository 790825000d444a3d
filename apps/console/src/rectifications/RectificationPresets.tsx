import AlarmIcon from '@mui/icons-material/Alarm';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import GavelIcon from '@mui/icons-material/Gavel';
import ReportIcon from '@mui/icons-material/Report';
import { Card, CardContent, List as MuiList, ListItemButton, ListItemIcon, ListItemText, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useListContext, usePermissions, useTranslate } from 'react-admin';
import type { ConsolePermissions } from '../auth/auth-provider';
import { dueSoonFilter } from './rectification-filters';
import type { RectificationState } from '@haochaping/contracts';

/** The states in which the role owes the next step. */
export function myTodoStates(role: ConsolePermissions['role'] | undefined): RectificationState[] {
  switch (role) {
    case 'COUNTY_SUPERVISOR':
      return ['REJECTION_PENDING', 'EXTENSION_PENDING', 'REOPENED'];
    case 'DEPT_GUIDE':
      return ['RECTIFYING', 'EXTENSION_PENDING', 'REOPENED'];
    default:
      return ['PENDING_VERIFICATION', 'RECTIFYING', 'REOPENED'];
  }
}

interface Preset {
  key: string;
  icon: ReactNode;
  filter: () => Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' };
}

/** Saved filter presets: one click sets the filters and the order (nearest due first). */
export const RectificationPresets = () => {
  const translate = useTranslate();
  const { setFilters, setSort, ...list } = useListContext();
  const filterValues = list.filterValues as Record<string, unknown>;
  const { permissions } = usePermissions<ConsolePermissions>();
  const byDue = { field: 'resultDueAt', order: 'ASC' } as const;
  const presets: Preset[] = [
    { key: 'mine', icon: <AssignmentIndIcon />, filter: () => ({ state: myTodoStates(permissions?.role) }), sort: byDue },
    { key: 'due_soon', icon: <AlarmIcon />, filter: () => dueSoonFilter(), sort: byDue },
    { key: 'overdue', icon: <ReportIcon color="error" />, filter: () => ({ overdue: true }), sort: byDue },
    { key: 'awaiting_me', icon: <GavelIcon />, filter: () => ({ state: ['REJECTION_PENDING', 'EXTENSION_PENDING'] }), sort: { field: 'openedAt', order: 'ASC' } },
  ];
  const same = (filter: Record<string, unknown>) => {
    const keys = Object.keys(filter).filter((key) => key !== 'dueBefore');
    return keys.length === Object.keys(filterValues).filter((key) => key !== 'dueBefore').length && keys.every((key) => JSON.stringify(filter[key]) === JSON.stringify(filterValues[key]));
  };
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 200, flexShrink: 0, display: { xs: 'none', md: 'block' } }}>
      <CardContent sx={{ p: 1 }}>
        <Typography variant="subtitle2" sx={{ px: 1, pt: 1 }}>
          {translate('app.presets.title')}
        </Typography>
        <MuiList dense>
          {presets.map((preset) => (
            <ListItemButton
              key={preset.key}
              selected={same(preset.filter())}
              onClick={() => {
                setSort(preset.sort);
                setFilters(preset.filter(), {});
              }}
            >
              <ListItemIcon sx={{ minWidth: 32 }}>{preset.icon}</ListItemIcon>
              <ListItemText primary={translate(`app.presets.${preset.key}`)} />
            </ListItemButton>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  );
};
