import { Box, FormControlLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import type { ReviewerKind } from '../api/citizen-api';
import { PrivacyNotice } from './PrivacyNotice';
import type { RatingErrors, ReviewerMode } from './rating-rules';

interface ReviewerChoiceProps {
  mode: ReviewerMode;
  kind: ReviewerKind;
  name: string;
  phone: string;
  errors: RatingErrors;
  onKind: (kind: ReviewerKind) => void;
  onName: (name: string) => void;
  onPhone: (phone: string) => void;
}

const CHOICES: Record<ReviewerMode, Array<{ kind: ReviewerKind; label: string; hint: string }>> = {
  'case-bound': [
    { kind: 'REAL_NAME', label: '实名评价（推荐）', hint: '差评时工作人员会按办件登记的手机号回访，并告知整改结果' },
    { kind: 'ANONYMOUS', label: '匿名评价', hint: '不记录您的姓名和手机号' },
  ],
  open: [
    { kind: 'ANONYMOUS', label: '匿名评价', hint: '不留联系方式' },
    { kind: 'REAL_NAME', label: '留下联系方式', hint: '工作人员可回访您并告知处理结果' },
  ],
};

export function ReviewerChoice({ mode, kind, name, phone, errors, onKind, onName, onPhone }: ReviewerChoiceProps) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 3 }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600 }}>
        实名还是匿名？
      </Typography>
      <RadioGroup value={kind} onChange={(event) => onKind(event.target.value as ReviewerKind)}>
        {CHOICES[mode].map((choice) => (
          <FormControlLabel
            key={choice.kind}
            value={choice.kind}
            control={<Radio />}
            sx={{ alignItems: 'flex-start', '& .MuiRadio-root': { mt: -0.5 }, py: 0.5 }}
            label={
              <Box>
                <Typography>{choice.label}</Typography>
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {choice.hint}
                </Typography>
              </Box>
            }
          />
        ))}
      </RadioGroup>
      {mode === 'open' && kind === 'REAL_NAME' ? (
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label="手机号"
            type="tel"
            required
            value={phone}
            onChange={(event) => onPhone(event.target.value)}
            error={Boolean(errors.reviewerPhone)}
            helperText={errors.reviewerPhone ?? '用于回访和查询进度时核对后四位'}
            slotProps={{ htmlInput: { inputMode: 'tel', autoComplete: 'tel', maxLength: 20 } }}
          />
          <TextField
            label="称呼（选填）"
            value={name}
            onChange={(event) => onName(event.target.value)}
            error={Boolean(errors.reviewerName)}
            helperText={errors.reviewerName ?? '如：王女士'}
            slotProps={{ htmlInput: { autoComplete: 'name', maxLength: 50 } }}
          />
        </Stack>
      ) : null}
      <PrivacyNotice mode={mode} />
    </Box>
  );
}
