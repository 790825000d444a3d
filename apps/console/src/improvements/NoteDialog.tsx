import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

/** A dialog asking for one required text (a note, a reason); the API checks it again. */
export const NoteDialog = ({ title, label, help, busy, onSubmit, onClose }: { title: string; label: string; help?: string; busy: boolean; onSubmit: (text: string) => void; onClose: () => void }) => {
  const translate = useTranslate();
  const [text, setText] = useState('');
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <TextField autoFocus fullWidth multiline minRows={3} margin="dense" label={label} helperText={help} value={text} onChange={(event) => setText(event.target.value)} slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'improvement-note' } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.improvements.cancel')}</Button>
        <Button variant="contained" disabled={busy || text.trim() === ''} onClick={() => onSubmit(text.trim())} data-testid="improvement-note-submit">
          {translate('app.improvements.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
