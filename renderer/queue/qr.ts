import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text` as a PNG data URL; undefined until it is drawn. */
export function useQrDataUrl(text: string | undefined, width = 240): string | undefined {
  const [url, setUrl] = useState<{ text: string; url: string }>();
  useEffect(() => {
    if (!text) return;
    let live = true;
    void toDataURL(text, { margin: 1, width, errorCorrectionLevel: 'M' }).then((u) => {
      if (live) setUrl({ text, url: u });
    });
    return () => {
      live = false;
    };
  }, [text, width]);
  return url && url.text === text ? url.url : undefined;
}

/** The full address of a ticket's public status page, for the QR code. */
export const statusUrl = (statusPath: string) => `${window.location.origin}${statusPath}`;
