import { Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

// Placeholder so the shell has a menu entry; the rectification screens replace it.
export const RectificationList = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="resources.rectifications.name" />
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.coming_soon.title')}
        </Typography>
        <Typography color="text.secondary">{translate('app.coming_soon.message')}</Typography>
      </CardContent>
    </Card>
  );
};
