/**
 * Report PDFs in the benchmark: one partnership's report (the busiest, so the longest) and a
 * portfolio of the partnerships in one status (at L about 1,000: generated partnerships are 10%
 * prospects), each rendered by the system's Chromium as `cli report` and the browser mode do.
 */
import type { Core } from '../db/core';
import { createRegistry } from '../db/api';
import { closePdfBrowser, renderPdf } from '../cli/pdf';

export interface PdfFigures {
  partnershipMs: number;
  portfolioMs: number;
  portfolioPartnerships: number;
  portfolioBytes: number;
}

async function timed(core: Core, input: unknown): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const envelope = await createRegistry().callAsync(core, 'reports.pdf', input);
  if (!envelope.ok) throw new Error(`reports.pdf failed: ${envelope.error.message.en}`);
  const bytes = Buffer.from((envelope.value as { pdfBase64: string }).pdfBase64, 'base64').length;
  return { ms: performance.now() - started, bytes };
}

export async function measurePdf(core: Core, partnershipId: string, today: string): Promise<PdfFigures> {
  core.services.renderPdf = renderPdf;
  try {
    // The first call starts Chromium and opens the page it keeps for later reports, as the running app does: not counted.
    await timed(core, { kind: 'partnership', partnershipId, lang: 'zh', today });
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push((await timed(core, { kind: 'partnership', partnershipId, lang: 'zh', today })).ms);
    runs.sort((a, b) => a - b);
    const portfolioPartnerships = (
      core.sqlite.prepare("SELECT count(*) AS n FROM partnerships WHERE status = 'prospect' AND deleted_at IS NULL").get() as { n: number }
    ).n;
    const portfolio = await timed(core, { kind: 'portfolio', status: 'prospect', lang: 'zh', today });
    return { partnershipMs: runs[1]!, portfolioMs: portfolio.ms, portfolioPartnerships, portfolioBytes: portfolio.bytes };
  } finally {
    await closePdfBrowser();
  }
}
