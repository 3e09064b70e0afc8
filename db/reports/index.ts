import { z } from 'zod';
import type { Core } from '../core';
import { AppError } from '../errors';
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
export async function reportPdf(core: Core, input: ReportInput): Promise<ReportPdf> {
  const html = reportHtml(core, input);
  if (!core.services.renderPdf) {
    throw new AppError('internal', {
      zh: '此环境无法生成 PDF；请使用“打印”，在打印对话框中选择“另存为 PDF”。',
      en: 'PDF output is not available here; use Print and choose “Save as PDF” in the print dialog.',
    });
  }
  const pdf = await core.services.renderPdf(html);
  const stamp = (input.today ?? core.now().toISOString().slice(0, 10)).replace(/-/g, '');
  return { fileName: `${input.kind === 'partnership' ? 'partnership' : 'portfolio'}-report-${stamp}.pdf`, pdfBase64: pdf.toString('base64') };
}
