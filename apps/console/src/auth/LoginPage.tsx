import { Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's sign-in page with the system's name above the form (refusals arrive as the API's Chinese message). */
export const LoginPage = () => {
  const translate = useTranslate();
  return (
    <Login>
      <Typography variant="h6" component="h1" align="center" sx={{ px: 2, pt: 1 }}>
        {translate('app.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" align="center" sx={{ px: 2 }}>
        {translate('app.auth.staff_sign_in')}
      </Typography>
      <LoginForm />
    </Login>
  );
};
