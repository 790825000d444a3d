import { Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import type { RateableCase } from '../api/citizen-api';
import { formatDateTime } from '../shared/format';

/** Several rateable cases: one big card each, the citizen taps the one to rate. */
export function CaseChoice({ cases, onChoose }: { cases: RateableCase[]; onChoose: (chosen: RateableCase) => void }) {
  return (
    <>
      <Typography sx={{ mb: 2 }}>找到 {cases.length} 件可以评价的办件，请选择要评价的一件：</Typography>
      <Stack spacing={1.5}>
        {cases.map((serviceCase) => (
          <Card key={serviceCase.caseId} variant="outlined">
            <CardActionArea onClick={() => onChoose(serviceCase)} sx={{ minHeight: 64 }}>
              <CardContent>
                <Typography sx={{ fontWeight: 600 }}>{serviceCase.serviceItemName}</Typography>
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  办件编号 {serviceCase.caseNumberMasked} · 办结于 {formatDateTime(serviceCase.completedAt)}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
      </Stack>
    </>
  );
}
