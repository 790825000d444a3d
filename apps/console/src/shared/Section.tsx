import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * One titled card of a report screen (统计分析, 超期督办): the title with an optional action beside it, an optional
 * line of help, then the content. Table headers stay on one line; a narrow screen scrolls the content sideways.
 */
export const Section = ({ title, help, action, children, testId }: { title: string; help?: string; action?: ReactNode; children: ReactNode; testId?: string }) => (
  <Card sx={{ mb: 2 }} data-testid={testId}>
    <CardContent>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {action}
      </Stack>
      {help && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {help}
        </Typography>
      )}
      <Box sx={{ overflowX: 'auto', '& th': { whiteSpace: 'nowrap' } }}>{children}</Box>
    </CardContent>
  </Card>
);
