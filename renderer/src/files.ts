/** Files in and out of the renderer: attachments as base64, the way the contract carries them; exchange files by handle. */
import { ApiError, isDesktop } from './api';
import type { Envelope } from '@db/api';
import { EXCHANGE_EXTENSION, type ChosenFile } from '@common/files';

export function readAsBase64(file: File): Promise<string> {
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

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hand the bytes to the browser (or Electron) as a download: works the same in both shells. */
export function saveBytes(fileName: string, mimeType: string | null, base64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mimeType ?? 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; release it once the browser has read it.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Exchange files chosen by the person, never named by the page (issue #16). In the desktop app the system's open and
 * save dialogs run in the main process; in the browser a file is uploaded from the browser's picker and an export is
 * downloaded. Either way the page holds a handle and a name, and the contract takes only the handle.
 */
export type ExportTarget = ChosenFile & { download?: string };

function envelopeValue<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as T;
}

/** The browser's own file picker; null when the person cancels it. Call it from a click (it needs the user's gesture). */
function pickFile(accept: string): Promise<File | null> {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.style.display = 'none';
  document.body.append(input);
  return new Promise((resolve) => {
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    input.click();
  });
}

/** Upload to the browser mode's server, reporting the fraction sent; the answer is the chosen file's handle. */
function upload(file: File, onProgress: (fraction: number) => void): Promise<ChosenFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/files/upload?name=${encodeURIComponent(file.name)}`);
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      try {
        resolve(envelopeValue<ChosenFile>(JSON.parse(request.responseText) as Envelope<unknown>));
      } catch (error) {
        reject(error instanceof ApiError ? error : new Error(`upload failed (${request.status})`));
      }
    };
    request.onerror = () => reject(new Error('upload failed'));
    request.send(file);
  });
}

/** Ask the person for an exchange file to import: the desktop's open dialog, or the browser's picker and an upload. */
export async function chooseImportFile(onProgress: (fraction: number) => void = () => undefined): Promise<ChosenFile | null> {
  if (isDesktop) return window.api!.chooseFile({ purpose: 'import' });
  const file = await pickFile(`.${EXCHANGE_EXTENSION},.db,.sqlite`);
  return file ? upload(file, onProgress) : null;
}

/** Where an export goes: the desktop's save dialog, or (browser) a file the server keeps until it is downloaded. */
export async function chooseExportTarget(suggestedName: string): Promise<ExportTarget | null> {
  if (isDesktop) return window.api!.chooseFile({ purpose: 'export', suggestedName });
  const response = await fetch(`/files/target?name=${encodeURIComponent(suggestedName)}`, { method: 'POST', credentials: 'same-origin' });
  return envelopeValue<ExportTarget>((await response.json()) as Envelope<unknown>);
}

/** After the export is written: in the browser, download it (the server then removes its copy). */
export function deliverExport(target: ExportTarget): void {
  if (!target.download) return;
  const link = document.createElement('a');
  link.href = target.download;
  link.download = target.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
