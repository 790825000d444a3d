import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Box, Stack } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { pageNonce, withPageNonce } from '../../../csp/nonce';
import type { ConsoleDataProvider } from '../../../data-provider';
import { useNotifyRefusal } from '../../../shared/use-notify-refusal';
import { saveBlob, windowFileName, type WindowFile } from './window-files';

interface WindowRecord {
  hallCode: string;
  code: string;
  name: string;
}

/** The window's QR as a picture on the page (fetched with the token like the downloads). */
export const WindowQrPreview = (_props: { label?: string }) => {
  const record = useRecordContext<WindowRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data: qr } = useQuery({
    queryKey: ['windows', 'file', record?.hallCode, record?.code, 'qr.svg'],
    queryFn: () => dataProvider.getWindowFile(record?.hallCode ?? '', record?.code ?? '', 'qr.svg'),
    enabled: record !== undefined,
    // A refused or failed picture is simply not shown; the download buttons say why.
    retry: false,
  });
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    if (!qr) return undefined;
    const url = URL.createObjectURL(qr);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [qr]);
  if (!src || !record) return null;
  return <Box component="img" src={src} alt={translate('app.masterData.qr.alt', { name: record.name })} sx={{ width: 180, height: 180, border: 1, borderColor: 'divider' }} />;
};

/** 下载二维码 (PNG for print shops, SVG for any size) and 打印海报 (the A5 poster in a new tab). */
export const WindowQrActions = (_props: { label?: string }) => {
  const record = useRecordContext<WindowRecord>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notifyRefusal = useNotifyRefusal();
  const { mutate: fetchFile, isPending } = useMutation({
    mutationFn: ({ file }: { file: WindowFile; use: (blob: Blob) => void }) => dataProvider.getWindowFile(record?.hallCode ?? '', record?.code ?? '', file),
    onSuccess: (blob, { use }) => use(blob),
    onError: notifyRefusal,
  });
  if (!record) return null;

  const run = (file: WindowFile, use: (blob: Blob) => void) => fetchFile({ file, use });
  const download = (file: WindowFile) => run(file, (blob) => saveBlob(blob, windowFileName(record.hallCode, record.code, file)));
  const openPoster = () => {
    // Opened now, while the click still counts as the user's, then pointed at the fetched page.
    const tab = window.open('', '_blank');
    run('poster', (blob) => {
      if (!tab) {
        saveBlob(blob, windowFileName(record.hallCode, record.code, 'poster'));
        return;
      }
      // The tab inherits the console's Content-Security-Policy: the poster's stylesheet needs this page's nonce.
      void blob.text().then((html) => {
        tab.location.href = URL.createObjectURL(new Blob([withPageNonce(html, pageNonce())], { type: 'text/html' }));
      });
    });
  };

  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
      <Button variant="outlined" label="app.masterData.qr.download_png" disabled={isPending} onClick={() => download('qr.png')}>
        <DownloadIcon />
      </Button>
      <Button variant="outlined" label="app.masterData.qr.download_svg" disabled={isPending} onClick={() => download('qr.svg')}>
        <DownloadIcon />
      </Button>
      <Button variant="outlined" label="app.masterData.qr.poster" disabled={isPending} onClick={openPoster}>
        <PrintIcon />
      </Button>
    </Stack>
  );
};
