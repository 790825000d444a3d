import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { AcceptProposal, ImprovementProposal, OwnerKind } from './improvements.types';

/** Today's date in Shanghai (YYYY-MM-DD), the earliest due date the API takes. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 采纳: the owner (the proposal's hall by default, or a county department) and the due date. */
export const AcceptDialog = ({ proposal, busy, onSubmit, onClose }: { proposal: ImprovementProposal; busy: boolean; onSubmit: (body: AcceptProposal) => void; onClose: () => void }) => {
  const translate = useTranslate();
  const [ownerKind, setOwnerKind] = useState<OwnerKind>('HALL');
  const [ownerCode, setOwnerCode] = useState(proposal.hallCode);
  const [dueDate, setDueDate] = useState('');
  const [title, setTitle] = useState('');
  const owners = useGetList<{ id: string; name: string }>(ownerKind === 'HALL' ? 'halls' : 'departments', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.improvements.accept')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            label={translate('app.improvements.owner_kind')}
            value={ownerKind}
            onChange={(event) => {
              const kind = event.target.value as OwnerKind;
              setOwnerKind(kind);
              setOwnerCode(kind === 'HALL' ? proposal.hallCode : '');
            }}
          >
            {(['HALL', 'DEPARTMENT'] as const).map((kind) => (
              <MenuItem key={kind} value={kind}>
                {translate(`app.improvements.owner_kinds.${kind}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label={translate('app.improvements.owner')} value={ownerCode} onChange={(event) => setOwnerCode(event.target.value)} slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'improvement-owner' } as object } }}>
            {(owners.data ?? []).map((owner) => (
              <MenuItem key={owner.id} value={owner.id}>
                {owner.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField type="date" label={translate('app.improvements.due_date')} value={dueDate} onChange={(event) => setDueDate(event.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: shanghaiToday(), 'data-testid': 'improvement-due-date' } }} />
          <TextField label={translate('app.improvements.title_optional')} value={title} onChange={(event) => setTitle(event.target.value)} slotProps={{ htmlInput: { maxLength: 100 } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.improvements.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy || ownerCode === '' || dueDate === ''}
          onClick={() => onSubmit({ key: proposal.key, ownerKind, ownerCode, dueDate, ...(title.trim() ? { title: title.trim() } : {}) })}
          data-testid="improvement-accept-submit"
        >
          {translate('app.improvements.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
