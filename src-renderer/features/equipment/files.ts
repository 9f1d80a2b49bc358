// Files in and out of the equipment pages: a chosen CSV file read as its bytes
// (base64, so the desk decides its encoding: Excel's Windows-1252 or UTF-8),
// and an export saved under the name the desk gave it.

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

export function saveCsv({ filename, csv }: { filename: string; csv: string }): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
