import { defaultTheme, type RaThemeOptions } from 'react-admin';
import { fontFamily } from './font-family';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  typography: { ...defaultTheme.typography, fontFamily },
};
