import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, Tooltip, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';

interface OneTimeSecretDialogProps {
  title: string;
  /** What the secret is for, translated by the caller. */
  intro: string;
  secret: string;
  onClose: () => void;
}

/** A key or a temporary password the server shows once: big, copyable, with the warning that it will not be shown again. */
export const OneTimeSecretDialog = ({ title, intro, secret, onClose }: OneTimeSecretDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      notify('app.rules.copied', { type: 'info' });
    } catch {
      // Clipboard refused (plain http, permissions): the text stays selectable.
      notify('app.rules.copy_failed', { type: 'warning' });
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="secret-dialog-title">
      <DialogTitle id="secret-dialog-title">{translate(title)}</DialogTitle>
      <DialogContent>
        <Typography gutterBottom>{intro}</Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, my: 1 }}>
          <Typography data-testid="one-time-secret" sx={{ fontFamily: 'monospace', wordBreak: 'break-all', flex: 1, userSelect: 'all' }}>
            {secret}
          </Typography>
          <Tooltip title={translate('app.rules.copy')}>
            <IconButton onClick={() => void copy()} aria-label={translate('app.rules.copy')}>
              <ContentCopyIcon />
            </IconButton>
          </Tooltip>
        </Box>
        <Alert severity="warning">{translate('app.rules.shown_once')}</Alert>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('app.rules.secret_noted')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
