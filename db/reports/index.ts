import { z } from 'zod';
import type { Core } from '../core';
import { AppError, cancelledError } from '../errors';
import { partnershipReportData, partnershipReportInput, portfolioReportData, portfolioReportInput } from './data';
import { renderPartnershipReport, renderPortfolioReport } from './html';

export const reportInput = z.discriminatedUnion('kind', [
  partnershipReportInput.extend({ kind: z.literal('partnership') }),
  portfolioReportInput.extend({ kind: z.literal('portfolio') }),
]);
export type ReportInput = z.output<typeof reportInput>;

export function reportHtml(core: Core, input: ReportInput): string {
  if (input.kind === 'partnership') {
    const { kind: _kind, ...rest } = input;
    return renderPartnershipReport(partnershipReportData(core, rest));
  }
  const { kind: _kind, ...rest } = input;
  return renderPortfolioReport(portfolioReportData(core, rest));
}

export interface ReportPdf {
  fileName: string;
  pdfBase64: string;
}

/** The same document as a PDF, rendered by the shell's browser engine (Electron's printToPDF, or Chromium). */
/** A PDF cancelled by the person: stopped at its next step, nothing saved. */
const pdfCancelled = () => cancelledError({ zh: '已取消生成 PDF。', en: 'The PDF was cancelled.' });

export async function reportPdf(
  core: Core,
  input: ReportInput,
  job: { progress?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<ReportPdf> {
  job.progress?.(0, 2);
  const html = reportHtml(core, input);
  job.progress?.(1, 2);
  // A cancel asked for while the document was laid out arrives now.
  await new Promise((resolve) => setImmediate(resolve));
  if (job.signal?.aborted) throw pdfCancelled();
  if (!core.services.renderPdf) {
    throw new AppError('internal', {
      zh: '此环境无法生成 PDF；请使用“打印”，在打印对话框中选择“另存为 PDF”。',
      en: 'PDF output is not available here; use Print and choose “Save as PDF” in the print dialog.',
    });
  }
  const pdf = await core.services.renderPdf(html);
  if (job.signal?.aborted) throw pdfCancelled();
  job.progress?.(2, 2);
  const stamp = (input.today ?? core.now().toISOString().slice(0, 10)).replace(/-/g, '');
  return { fileName: `${input.kind === 'partnership' ? 'partnership' : 'portfolio'}-report-${stamp}.pdf`, pdfBase64: pdf.toString('base64') };
}
