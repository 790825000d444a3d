import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, FormHelperText, Typography } from '@mui/material';
import type { ReviewOption } from '../api/citizen-api';
import type { ReasonVisibility } from './rating-rules';

interface ReasonOptionsProps {
  visibility: ReasonVisibility;
  options: ReviewOption[];
  selected: string[];
  optionalOpen: boolean;
  onToggle: (code: string) => void;
  onOpenOptional: () => void;
  error?: string;
}

/** 二级评价选项: open and required (an option or a comment) for 差评, one tap away and optional otherwise. */
export function ReasonOptions({ visibility, options, selected, optionalOpen, onToggle, onOpenOptional, error }: ReasonOptionsProps) {
  if (visibility === 'hidden' || options.length === 0) return null;
  if (visibility === 'optional' && !optionalOpen) {
    return (
      <Button variant="text" onClick={onOpenOptional} sx={{ mt: 1, px: 0 }}>
        有需要改进的地方？点此选择（选填）
      </Button>
    );
  }
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 2 }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {visibility === 'required' ? '哪些地方让您不满意？（可多选）' : '哪些地方还需改进？（选填，可多选）'}
      </Typography>
      {visibility === 'required' ? (
        <Alert severity="info" role="note" sx={{ my: 1 }}>
          差评请至少选择一项原因，或在下方填写评价内容，便于工作人员核实整改。
        </Alert>
      ) : null}
      <FormGroup>
        {options.map((option) => (
          <FormControlLabel
            key={option.code}
            control={<Checkbox checked={selected.includes(option.code)} onChange={() => onToggle(option.code)} />}
            label={option.label}
          />
        ))}
      </FormGroup>
      {error ? (
        <FormHelperText error role="alert" sx={{ fontSize: 15 }}>
          {error}
        </FormHelperText>
      ) : null}
    </Box>
  );
}
