import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';
import { useNotifyRefusal } from '../shared/use-notify-refusal';

/** Every query of this module (the list's, the bell's) starts with the resource name: one invalidation updates both. */
export const NOTICES_QUERY_KEY = ['notifications'] as const;
export const UNREAD_COUNT_QUERY_KEY = [...NOTICES_QUERY_KEY, 'unread-count'] as const;

/** Mark one / all read; afterwards the list and the bell ask again. */
export function useNoticeActions() {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refetch = () => queryClient.invalidateQueries({ queryKey: NOTICES_QUERY_KEY });
  const markRead = useMutation({ mutationFn: (id: string) => dataProvider.markNoticeRead(id), onError: notifyRefusal, onSettled: refetch });
  const markAllRead = useMutation({
    mutationFn: () => dataProvider.markAllNoticesRead(),
    onSuccess: ({ marked }) => notify('app.notifications.marked_all', { type: 'info', messageArgs: { smart_count: marked } }),
    onError: notifyRefusal,
    onSettled: refetch,
  });
  return { markRead, markAllRead };
}
