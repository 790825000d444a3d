import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Avatar, Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, useAuthenticated, useLogout, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router';
import { useNotifyRefusal } from '../shared/use-notify-refusal';
import { validateChangePassword, type ChangePasswordValues } from './password-rules';
import { authSession } from './session';

/**
 * 修改密码, outside the layout: forced after the first sign-in of a seeded or reset account (the API answers 403
 * PASSWORD_CHANGE_REQUIRED to everything else until then), and open to anyone signed in.
 */
export const ChangePasswordPage = () => {
  useAuthenticated();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const navigate = useNavigate();
  const logout = useLogout();
  const [saving, setSaving] = useState(false);
  const forced = authSession.user?.mustChangePassword ?? false;

  const submit = async (values: ChangePasswordValues) => {
    setSaving(true);
    try {
      await authSession.changePassword(values.currentPassword ?? '', values.newPassword ?? '');
      notify('app.password.changed', { type: 'success' });
      void navigate('/');
      return undefined;
    } catch (error) {
      // The wrong current password or a new one the API refuses: its words, beside the field it names.
      return notifyRefusal(error).fieldErrors;
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', bgcolor: 'grey.100', p: 2 }}>
      <Card sx={{ width: '100%', maxWidth: 420 }}>
        <CardContent>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', mb: 2 }}>
            <Avatar sx={{ bgcolor: 'primary.main', mb: 1 }}>
              <LockResetIcon />
            </Avatar>
            <Typography variant="h5" component="h1">
              {translate('app.password.title')}
            </Typography>
          </Box>
          {forced && (
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('app.password.forced')}
            </Alert>
          )}
          <Form onSubmit={(values: ChangePasswordValues) => submit(values)} validate={(values: ChangePasswordValues) => validateChangePassword(values)}>
            <PasswordInput source="currentPassword" label="app.password.current" fullWidth autoComplete="current-password" />
            <PasswordInput source="newPassword" label="app.password.new" helperText="app.password.policy" fullWidth autoComplete="new-password" />
            <PasswordInput source="confirmPassword" label="app.password.confirm" fullWidth autoComplete="new-password" />
            <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
              <Button type="submit" variant="contained" disabled={saving} fullWidth>
                {translate('app.password.submit')}
              </Button>
              <Button onClick={() => void logout()} disabled={saving}>
                {translate('ra.auth.logout')}
              </Button>
            </Box>
          </Form>
        </CardContent>
      </Card>
    </Box>
  );
};
