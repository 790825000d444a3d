import { Link } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useRectificationListLink } from './use-rectification-list-link';

/** A count that opens the case list filtered to exactly the cases counted; a zero stays plain text. */
export const FigureLink = ({ value, filter, color }: { value: number; filter: Record<string, unknown>; color?: string }) => {
  const listLink = useRectificationListLink();
  if (value === 0) return <span>0</span>;
  return (
    <Link component={RouterLink} to={listLink(filter)} sx={{ color, fontWeight: color ? 600 : undefined }}>
      {value}
    </Link>
  );
};
