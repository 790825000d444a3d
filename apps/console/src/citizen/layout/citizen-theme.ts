import { createTheme } from '@mui/material/styles';
import { fontFamily } from '../../layout/font-family';

/**
 * Phones in WeChat's browser: touch targets of at least 48 px, inputs at 16 px (smaller ones make iOS zoom
 * the page on focus), no hover-only cues.
 */
export const citizenTheme = createTheme({
  palette: {
    primary: { main: '#1565c0' },
    background: { default: '#f4f6f8' },
  },
  typography: { fontFamily, button: { fontSize: '1rem', textTransform: 'none' } },
  components: {
    MuiButton: {
      defaultProps: { size: 'large', disableElevation: true },
      styleOverrides: { root: { minHeight: 48 } },
    },
    MuiInputBase: { styleOverrides: { input: { fontSize: 16 } } },
    MuiFormControlLabel: { styleOverrides: { root: { minHeight: 48 } } },
  },
});
