import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import InsightsIcon from '@mui/icons-material/Insights';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/** 工作台, the resources the role may open, 超期督办 for the county, and 统计分析. */
export const Menu = () => {
  const { canAccess: canSupervise } = useCanAccess({ resource: 'supervision', action: 'list' });
  const { canAccess: canSeeResults } = useCanAccess({ resource: 'results', action: 'list' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="app.dashboard.title" />
      <RaMenu.ResourceItems />
      {canSupervise && <RaMenu.Item to="/supervision" primaryText="app.supervision.title" leftIcon={<AssignmentLateIcon color="error" />} />}
      {canSeeResults && <RaMenu.Item to="/results" primaryText="app.results.title" leftIcon={<InsightsIcon />} />}
    </RaMenu>
  );
};
