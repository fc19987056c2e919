// Files for documents: read a chosen file as base64 (for `documents.upload`), and turn stored base64 back into a
// data: URL (images, shown inline) or a blob URL (PDFs, offered to save, never embedded).

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export const previewableImages = new Set(['image/png', 'image/jpeg']);

export function imageDataUrl(mimeType: string, contentBase64: string): string | null {
  return previewableImages.has(mimeType) ? `data:${mimeType};base64,${contentBase64}` : null;
}

export function base64ToBlobUrl(contentBase64: string, mimeType: string): string {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Served as a download only: application/octet-stream so the browser never renders the PDF in the app.
  return URL.createObjectURL(
    new Blob([bytes], { type: mimeType === 'application/pdf' ? 'application/octet-stream' : mimeType }),
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 102.4) / 10} KB`;
  return `${Math.round(n / (1024 * 102.4)) / 10} MB`;
}
