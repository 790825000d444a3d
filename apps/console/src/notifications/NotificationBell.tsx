import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useCanAccess, useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { UNREAD_COUNT_QUERY_KEY } from './use-notice-actions';

/** How often the bell asks for the unread count (a reminder falls due at any time; the count is one cheap query). */
export const UNREAD_POLL_MS = 30_000;

/** The bell in the app bar, on every screen: the unread count, asked again every 30 s; a click opens 消息. */
export const NotificationBell = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'notifications', action: 'list' });
  const { data } = useQuery({
    queryKey: UNREAD_COUNT_QUERY_KEY,
    queryFn: () => dataProvider.getUnreadNoticeCount(),
    refetchInterval: UNREAD_POLL_MS,
    enabled: canAccess === true,
  });
  if (!canAccess) return null;
  const unread = data?.unread ?? 0;
  const label = translate('app.notifications.bell', { smart_count: unread });
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={Link} to="/notifications" aria-label={label} data-testid="notification-bell">
        <Badge badgeContent={unread} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
