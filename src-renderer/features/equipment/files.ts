// Files in and out of the equipment pages: a chosen CSV file read as its bytes
// (base64, so the desk decides its encoding: Excel's Windows-1252 or UTF-8),
// and an export saved under the name the desk gave it (app/saveCsv.ts).

/** The desk refuses anything bigger (src-main/equipment/router.ts). */
export const MAX_CSV_BYTES = 10_000_000;

export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export { saveCsv } from '../../app/saveCsv';
