// Files in and out of the browser (DOM): read a chosen file as base64 for a call, and save a file
// the core returned through a blob and a temporary <a download>, which works the same in
// Electron's sandboxed window and in Chromium without any file-system access.
import { MAX_FILE_BYTES } from '../../../shared/api/route';

export { MAX_FILE_BYTES };

export interface FileOut {
  fileName: string;
  mime: string;
  dataBase64: string;
}

export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function fileBlob(file: FileOut): Blob {
  return new Blob([base64ToBytes(file.dataBase64)], { type: file.mime || 'application/octet-stream' });
}

export function downloadFile(file: FileOut): void {
  const url = URL.createObjectURL(fileBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; revoke a moment later so slow machines still get it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file as base64 (without the data: prefix) with FileReader. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
