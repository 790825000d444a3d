import { Alert, Button, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { CitizenLayout } from './layout/CitizenLayout';

/** /citizen — where a citizen lands without a QR code or a link. */
export function HomePage() {
  return (
    <CitizenLayout title="政务服务评价">
      <Typography sx={{ mb: 2 }}>您的评价帮助我们改进服务。差评件件有整改、件件有反馈。</Typography>
      <Stack spacing={1.5}>
        <Button variant="contained" component={RouterLink} to="/citizen/feedback">
          随时可评：对服务大厅提意见
        </Button>
        <Button variant="outlined" component={RouterLink} to="/citizen/status">
          查询评价处理进度
        </Button>
      </Stack>
      <Alert severity="info" role="note" sx={{ mt: 3 }}>
        在窗口办完业务后，扫描窗口上的二维码即可评价这次办理的服务。
      </Alert>
    </CitizenLayout>
  );
}

export function NotFoundPage() {
  return (
    <CitizenLayout title="页面不存在">
      <Alert severity="warning" sx={{ mb: 2 }}>
        没有找到这个页面，请检查链接是否完整。
      </Alert>
      <Button variant="contained" fullWidth component={RouterLink} to="/citizen">
        返回评价首页
      </Button>
    </CitizenLayout>
  );
}
