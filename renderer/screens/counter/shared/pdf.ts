// Receipts and till reports arrive as base64 PDFs (`loans.receipt`, `till.report`). Here they become a Blob
// (application/pdf) to print — loaded into a hidden iframe whose print() opens the system dialog — or to save
// through a download link with the file's name. Not responsible for fetching the PDF or for what it says.

export interface PdfFile {
  fileName: string;
  base64: string;
}

export function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** Saves the PDF under its file name (a download, never shown inside the app). */
export function savePdf(file: PdfFile): void {
  const url = URL.createObjectURL(pdfBlob(file.base64));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is kept a moment for browsers that read it lazily.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const printTimeoutMs = 10_000;

/**
 * Prints the PDF through a hidden iframe. Resolves true once the print dialog was asked for, false when this
 * window cannot print a PDF (a content policy refusing blob: frames, or no PDF viewer): the caller then offers
 * "Save receipt" instead, in words.
 */
export function printPdf(file: PdfFile): Promise<boolean> {
  const url = URL.createObjectURL(pdfBlob(file.base64));
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  return new Promise<boolean>((resolve) => {
    let isSettled = false;
    const settle = (isPrinted: boolean) => {
      if (isSettled) return;
      isSettled = true;
      document.removeEventListener('securitypolicyviolation', onViolation);
      window.clearTimeout(timer);
      // The dialog is modal while open; keep the frame long enough for the viewer to hand the pages over.
      window.setTimeout(() => {
        frame.remove();
        URL.revokeObjectURL(url);
      }, 60_000);
      resolve(isPrinted);
    };
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.blockedURI.startsWith('blob:')) settle(false);
    };
    const timer = window.setTimeout(() => settle(false), printTimeoutMs);
    document.addEventListener('securitypolicyviolation', onViolation);
    frame.addEventListener('load', () => {
      try {
        const view = frame.contentWindow;
        if (!view) return settle(false);
        view.focus();
        view.print();
        settle(true);
      } catch {
        settle(false); // the frame was refused (cross-origin error page) or has no viewer
      }
    });
    frame.src = url;
    document.body.append(frame);
  });
}
