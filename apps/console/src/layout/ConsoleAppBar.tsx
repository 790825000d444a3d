import { Box, Typography } from '@mui/material';
import { AppBar, TitlePortal } from 'react-admin';
import { SCREENS, type AnyModuleScreens } from '../module-screens';
import { MODULES } from '../modules';
import { AppTitle } from './AppTitle';

// The modules' app-bar items (the 消息 bell), in the order of src/modules.ts.
const appBarItems = MODULES.flatMap((module) => {
  const { appBar }: AnyModuleScreens = SCREENS[module.name];
  return appBar ? [{ name: module.name, Item: appBar }] : [];
});

export const ConsoleAppBar = () => (
  <AppBar>
    <Typography variant="h6" component="span" noWrap sx={{ mr: 2, display: { xs: 'none', md: 'block' } }}>
      <AppTitle />
    </Typography>
    <TitlePortal variant="subtitle1" />
    <Box sx={{ display: 'flex', alignItems: 'center' }}>
      {appBarItems.map(({ name, Item }) => (
        <Item key={name} />
      ))}
    </Box>
  </AppBar>
);
