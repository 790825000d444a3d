import { Box, Typography } from '@mui/material';
import { formatDateTime } from './format';

/** The case being rated, as the citizen recognises it: the service, where, when it was completed. */
export function CaseSummary({ serviceItemName, place, caseNumberMasked, completedAt }: { serviceItemName: string; place?: string; caseNumberMasked?: string; completedAt: string }) {
  return (
    <Box sx={{ bgcolor: 'background.paper', borderRadius: 2, p: 2, mb: 2, border: 1, borderColor: 'divider' }}>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        您要评价的办件
      </Typography>
      <Typography sx={{ fontWeight: 600, fontSize: 17 }}>{serviceItemName}</Typography>
      {place ? <Typography variant="body2">{place}</Typography> : null}
      {caseNumberMasked ? <Typography variant="body2">办件编号 {caseNumberMasked}</Typography> : null}
      <Typography variant="body2">办结时间 {formatDateTime(completedAt)}</Typography>
    </Box>
  );
}
