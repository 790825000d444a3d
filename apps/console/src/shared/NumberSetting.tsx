import { InputAdornment, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useNotify, useTranslate } from 'react-admin';
import { useNotifyRefusal } from './use-notify-refusal';

interface NumberSettingProps<Saved> {
  /** The stored value: the field starts from it (render with `key={value}` so a newer stored value resets it). */
  value: number;
  label: string;
  unit?: string;
  min: number;
  max: number;
  testId: string;
  /** Sends the new value; the API audits it and refuses it outside its range (shown as the API words it). */
  save: (value: number) => Promise<Saved>;
  /** The message shown once saved (a translation key and its arguments). */
  saved: (saved: Saved) => { message: string; args: Record<string, unknown> };
  /** What to read again once the value changed (or was refused). */
  queryKey: QueryKey;
}

/** One admin setting that is a whole number: a field, its unit and 保存 (enabled only when the value changed). */
export function NumberSetting<Saved>({ value, label, unit, min, max, testId, save, saved, queryKey }: NumberSettingProps<Saved>) {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const queryClient = useQueryClient();
  const [text, setText] = useState(String(value));
  const { mutate, isPending } = useMutation({
    mutationFn: save,
    onSuccess: (result) => {
      const { message, args } = saved(result);
      notify(message, { type: 'info', messageArgs: args });
    },
    onError: notifyRefusal,
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
      <TextField
        size="small"
        type="number"
        label={label}
        value={text}
        onChange={(event) => setText(event.target.value)}
        slotProps={{ htmlInput: { min, max, 'data-testid': testId }, input: unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : {} }}
        sx={{ width: 200 }}
      />
      <Button label={translate('ra.action.save')} disabled={isPending || text === String(value) || text.trim() === ''} onClick={() => mutate(Number(text))} />
    </Stack>
  );
}
