import { Typography } from '@mui/material';
import { AppBar, TitlePortal } from 'react-admin';
import { AppTitle } from './AppTitle';

export const ConsoleAppBar = () => (
  <AppBar>
    <Typography variant="h6" component="span" noWrap sx={{ mr: 2, display: { xs: 'none', md: 'block' } }}>
      <AppTitle />
    </Typography>
    <TitlePortal variant="subtitle1" />
  </AppBar>
);
