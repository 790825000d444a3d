import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Box, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { fetchWindowFile, saveBlob, windowFileName, type WindowFile } from './window-files';

interface WindowRecord {
  hallCode: string;
  code: string;
  name: string;
}

/** The window's QR as a picture on the page (fetched with the token like the downloads). */
export const WindowQrPreview = (_props: { label?: string }) => {
  const record = useRecordContext<WindowRecord>();
  const translate = useTranslate();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    if (!record) return undefined;
    let url: string | undefined;
    let cancelled = false;
    fetchWindowFile(record.hallCode, record.code, 'qr.svg')
      .then((blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      })
      .catch(() => setSrc(undefined));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [record]);
  if (!src || !record) return null;
  return <Box component="img" src={src} alt={translate('app.masterData.qr.alt', { name: record.name })} sx={{ width: 180, height: 180, border: 1, borderColor: 'divider' }} />;
};

/** 下载二维码 (PNG for print shops, SVG for any size) and 打印海报 (the A5 poster in a new tab). */
export const WindowQrActions = (_props: { label?: string }) => {
  const record = useRecordContext<WindowRecord>();
  const notify = useNotify();
  const [busy, setBusy] = useState<WindowFile>();
  if (!record) return null;

  const run = async (file: WindowFile, use: (blob: Blob) => void) => {
    setBusy(file);
    try {
      use(await fetchWindowFile(record.hallCode, record.code, file));
    } catch (error) {
      const message = error instanceof Error ? error.message : 'app.masterData.qr.failed';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(undefined);
    }
  };
  const download = (file: WindowFile) => void run(file, (blob) => saveBlob(blob, windowFileName(record.hallCode, record.code, file)));
  const openPoster = () => {
    // Opened now, while the click still counts as the user's, then pointed at the fetched page.
    const tab = window.open('', '_blank');
    void run('poster', (blob) => {
      const url = URL.createObjectURL(new Blob([blob], { type: 'text/html' }));
      if (tab) tab.location.href = url;
      else saveBlob(blob, windowFileName(record.hallCode, record.code, 'poster'));
    });
  };

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <Button variant="outlined" label="app.masterData.qr.download_png" disabled={busy !== undefined} onClick={() => download('qr.png')}>
        <DownloadIcon />
      </Button>
      <Button variant="outlined" label="app.masterData.qr.download_svg" disabled={busy !== undefined} onClick={() => download('qr.svg')}>
        <DownloadIcon />
      </Button>
      <Button variant="outlined" label="app.masterData.qr.poster" disabled={busy !== undefined} onClick={openPoster}>
        <PrintIcon />
      </Button>
    </Stack>
  );
};
