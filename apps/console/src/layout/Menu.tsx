import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/** 工作台, the resources the role may open, and 超期督办 for the county. */
export const Menu = () => {
  const { canAccess: canSupervise } = useCanAccess({ resource: 'supervision', action: 'list' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="app.dashboard.title" />
      <RaMenu.ResourceItems />
      {canSupervise && <RaMenu.Item to="/supervision" primaryText="app.supervision.title" leftIcon={<AssignmentLateIcon color="error" />} />}
    </RaMenu>
  );
};
