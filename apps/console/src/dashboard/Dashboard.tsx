import { Box, Typography } from '@mui/material';
import { Title, useCanAccess, useGetIdentity, useGetMany, usePermissions, useTranslate } from 'react-admin';
import type { ConsolePermissions } from '../auth/auth-provider';
import { myTodoStates } from '../rectifications/RectificationPresets';
import { ApiHealthPanel } from './ApiHealthPanel';
import { HallsAtAGlance } from './HallsAtAGlance';
import { MyDutiesToday } from './MyDutiesToday';
import { MyOpenCases } from './MyOpenCases';
import { StateCounts } from './StateCounts';

/**
 * 工作台: what the signed-in user owes today (my duties), what they owe next, with live countdowns; for town leaders and the county their hall(s) at a
 * glance; and the counts of their scope.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<ConsolePermissions>();
  const role = permissions?.role;
  const hallCodes = permissions?.hallCodes ?? [];
  const { canAccess: seesHalls } = useCanAccess({ resource: 'hall-statistics', action: 'list' });
  const { data: halls } = useGetMany<{ id: string; name: string }>('halls', { ids: hallCodes }, { enabled: hallCodes.length > 0 });
  const scope =
    role === 'COUNTY_SUPERVISOR' || role === 'ADMIN'
      ? translate('app.dashboard.all_halls')
      : [...hallCodes.map((code) => halls?.find((hall) => hall.id === code)?.name ?? code), ...(permissions?.departmentCodes ?? [])].join('、');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.dashboard.title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      {role && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate(`app.roles.${role}`)} · {translate('app.dashboard.scope', { scope })}
        </Typography>
      )}
      {role && role !== 'ADMIN' && <MyDutiesToday />}
      {role && role !== 'ADMIN' && <MyOpenCases states={myTodoStates(role)} />}
      {seesHalls && <HallsAtAGlance />}
      <StateCounts />
      <ApiHealthPanel />
    </Box>
  );
};
