// Files that arrive inside a GraphQL answer as base64 (台账): turned into a Blob and handed to the
// browser as a download, so the file never needs a second, separately secured URL.

/** MIME types by extension, for when the server leaves the type out. */
const TYPES: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface Base64File {
  base64: string;
  filename: string;
  contentType?: string | null;
}

/** The bytes of a base64 string (atob gives one char per byte). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Saves the file under its own name; the bytes are kept as sent (a CSV keeps its BOM, an XLSX its ZIP). */
export function downloadBase64(file: Base64File): void {
  const ext = file.filename.split('.').pop()?.toLowerCase() ?? '';
  const type = file.contentType || TYPES[ext] || 'application/octet-stream';
  saveBlob(new Blob([base64Bytes(file.base64)], { type }), file.filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked a moment later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
