// The join link as a QR code: an SVG document made in main (no request to a
// QR service, nothing leaves the room). Error correction M survives a
// projector's glare; the quiet zone keeps it scannable on a dark slide.

import QRCode from 'qrcode';

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
