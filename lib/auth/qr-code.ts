import "server-only";
import QRCode from "qrcode";

/**
 * The otpauth:// address as a QR code, an SVG drawn on the server (no script,
 * nothing fetched), given to the page as a data: address (the CSP allows
 * data: images).
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
