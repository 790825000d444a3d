import { Box, Container, Link, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { SUPERVISION_HOTLINE } from '../shared/hotline';

const APP_NAME = '嘉祥县政务服务“好差评”';

/** Page frame: WeChat shows `document.title` in its top bar, so every page names itself. */
export function CitizenLayout({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} - ${APP_NAME}`;
  }, [title]);

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Box component="header" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText', px: 2, py: 1.5 }}>
        <Typography variant="body2" sx={{ opacity: 0.85 }}>
          {APP_NAME}
        </Typography>
        <Typography variant="h6" component="h1" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
      </Box>
      <Container component="main" maxWidth="sm" sx={{ flex: 1, py: 2, px: 2 }}>
        {children}
      </Container>
      <Box component="footer" sx={{ px: 2, py: 2, textAlign: 'center', color: 'text.secondary' }}>
        <Typography variant="body2">
          监督热线 <Link href={`tel:${SUPERVISION_HOTLINE.replace(/-/g, '')}`}>{SUPERVISION_HOTLINE}</Link>
        </Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link component={RouterLink} to="/citizen/status" sx={{ display: 'inline-block', py: 1 }}>
            查询评价处理进度
          </Link>
          {' · '}
          <Link component={RouterLink} to="/citizen/feedback" sx={{ display: 'inline-block', py: 1 }}>
            随时可评
          </Link>
        </Typography>
      </Box>
    </Box>
  );
}
