import { Box, Typography } from '@mui/material';
import type { ReviewerMode } from './rating-rules';

/** What happens to a reviewer's name and phone, in plain words, always visible (DOMAIN.md "Reviewer privacy"). */
export function PrivacyNotice({ mode }: { mode: ReviewerMode }) {
  const lines = [
    mode === 'case-bound'
      ? '实名评价：使用您办件时登记的姓名和手机号，不需要另外填写；匿名评价：这条评价不记录您的姓名和手机号。'
      : '留下联系方式时，我们保存您填写的手机号和称呼；匿名评价不保存您的任何联系方式。',
    '手机号和姓名加密保存。只有负责处理这条评价的工作人员能看到完整号码，每次查看都有记录；其他人只看到打码后的号码（如 138****8000）。',
    '这些信息只用于核实情况、电话回访、告知整改结果，以及您查询进度时核对手机号后四位；不会公开，也不会用于其他用途。',
    '差评选择匿名时仍会核实整改，但工作人员无法电话回访您。',
  ];
  return (
    <Box component="section" aria-label="个人信息保护说明" sx={{ bgcolor: 'grey.100', borderRadius: 2, p: 1.5, mt: 1 }}>
      <Typography variant="subtitle2" sx={{ fontWeight: 600 }}>
        个人信息保护说明
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {lines.map((line) => (
          <Typography component="li" variant="body2" key={line} sx={{ color: 'text.secondary', mt: 0.5 }}>
            {line}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
