import { useCreatePath } from 'react-admin';
import { rectificationListLink } from './supervision-links';

/** Links into the case list with a filter (`#/rectifications?filter=…`), for every figure and hall that opens it. */
export function useRectificationListLink(): (filter: Record<string, unknown>) => string {
  const listPath = useCreatePath()({ resource: 'rectifications', type: 'list' });
  return (filter) => rectificationListLink(listPath, filter);
}
