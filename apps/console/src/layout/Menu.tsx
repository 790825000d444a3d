import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import InsightsIcon from '@mui/icons-material/Insights';
import SummarizeIcon from '@mui/icons-material/Summarize';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

/** 工作台, the resources the role may open, 超期督办 for the county, 统计分析 and 月度通报. */
export const Menu = () => {
  const { canAccess: canSupervise } = useCanAccess({ resource: 'supervision', action: 'list' });
  const { canAccess: canSeeResults } = useCanAccess({ resource: 'results', action: 'list' });
  const { canAccess: canSeeReports } = useCanAccess({ resource: 'monthly-report', action: 'list' });
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="app.dashboard.title" />
      <RaMenu.ResourceItems />
      {canSupervise && <RaMenu.Item to="/supervision" primaryText="app.supervision.title" leftIcon={<AssignmentLateIcon color="error" />} />}
      {canSeeResults && <RaMenu.Item to="/results" primaryText="app.results.title" leftIcon={<InsightsIcon />} />}
      {canSeeReports && <RaMenu.Item to="/monthly-report" primaryText="app.monthly_report.title" leftIcon={<SummarizeIcon />} />}
    </RaMenu>
  );
};
