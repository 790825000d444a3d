import { apiJson, type ApiBase } from '../api-base';

/** 消息's calls that are not CRUD (the list itself is simple-rest `GET /api/notifications`). */
export interface NotificationMethods {
  /** How many of the user's notices are unread: the bell polls it. */
  getUnreadNoticeCount(): Promise<{ unread: number }>;
  /** Marks one notice read (404 when it is not the user's). */
  markNoticeRead(id: string): Promise<void>;
  /** Marks every unread notice of the user read; answers how many. */
  markAllNoticesRead(): Promise<{ marked: number }>;
}

export const notificationMethods = (api: ApiBase): NotificationMethods => ({
  getUnreadNoticeCount: () => apiJson(api, '/notifications/unread-count'),
  markNoticeRead: async (id) => {
    await apiJson(api, `/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
  },
  markAllNoticesRead: () => apiJson(api, '/notifications/read-all', { method: 'POST' }),
});
