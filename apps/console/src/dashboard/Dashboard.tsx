import { Box, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { ApiHealthPanel } from './ApiHealthPanel';

export const Dashboard = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, maxWidth: 960 }}>
      <Title title="ra.page.dashboard" />
      <Typography variant="h4" component="h1" gutterBottom>
        {translate('app.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {translate('app.dashboard.subtitle')}
      </Typography>
      <ApiHealthPanel />
    </Box>
  );
};
