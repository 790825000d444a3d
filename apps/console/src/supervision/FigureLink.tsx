import { Link } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useCreatePath } from 'react-admin';
import { rectificationListLink } from './supervision-links';

/** A count that opens the case list filtered to exactly the cases counted; a zero stays plain text. */
export const FigureLink = ({ value, filter, color }: { value: number; filter: Record<string, unknown>; color?: string }) => {
  const createPath = useCreatePath();
  if (value === 0) return <span>0</span>;
  return (
    <Link component={RouterLink} to={rectificationListLink(createPath({ resource: 'rectifications', type: 'list' }), filter)} sx={{ color, fontWeight: color ? 600 : undefined }}>
      {value}
    </Link>
  );
};
