import { Box, Button, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { citizenApi, type CitizenApiError, type RateableCase } from '../api/citizen-api';
import { ApiErrorAlert } from '../shared/ApiErrorAlert';
import { isMobilePhone, normalizePhone } from '@haochaping/privacy';
import { asCitizenApiError } from '../shared/use-load';

interface PhoneLookupStepProps {
  hallCode: string;
  windowCode: string;
  onFound: (phone: string, cases: RateableCase[]) => void;
  onSkip: () => void;
}

/** Asks for the phone the case was registered with and finds the cases of this window it may rate. */
export function PhoneLookupStep({ hallCode, windowCode, onFound, onSkip }: PhoneLookupStepProps) {
  const [phone, setPhone] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [apiError, setApiError] = useState<CitizenApiError | null>(null);
  const [searching, setSearching] = useState(false);

  async function lookUp() {
    setApiError(null);
    if (!isMobilePhone(phone)) {
      setPhoneError(phone.trim() === '' ? '请输入办件时登记的手机号' : '请输入 11 位手机号');
      return;
    }
    setPhoneError(null);
    setSearching(true);
    try {
      const normalized = normalizePhone(phone);
      onFound(normalized, await citizenApi.lookupCases(hallCode, windowCode, normalized));
    } catch (error) {
      setApiError(asCitizenApiError(error));
    } finally {
      setSearching(false);
    }
  }

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void lookUp();
      }}
    >
      <Typography sx={{ mb: 2 }}>请输入您办理业务时登记的手机号，查找您在本窗口办结、可以评价的办件。</Typography>
      <TextField
        label="手机号"
        type="tel"
        fullWidth
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        error={Boolean(phoneError)}
        helperText={phoneError ?? '只用于查找您的办件，不会公开'}
        slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'tel', maxLength: 20 } }}
      />
      {apiError ? <ApiErrorAlert error={apiError} /> : null}
      <Button type="submit" variant="contained" fullWidth disabled={searching} sx={{ mt: 2 }}>
        {searching ? '正在查找…' : '查找我的办件'}
      </Button>
      <Button variant="text" fullWidth onClick={onSkip} sx={{ mt: 1 }}>
        没有办件，只想对本窗口提意见
      </Button>
    </Box>
  );
}
