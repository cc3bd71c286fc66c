import { describe, expect, it } from 'vitest';
import { RAG_DIMENSIONS } from './model';
import { winAnsi } from './pdf-parts';
import { demoReport, isoWeek } from './sample';
import { statusReportPdf } from './status-pdf';
import { pdfPageCount, pdfText } from './test-files';

const at = new Date('2026-11-24T09:12:00Z');

describe('statusReportPdf', () => {
  it('draws a one- or two-page A4 report with the project, colours and footer', async () => {
    const report = demoReport();
    const pdf = await statusReportPdf(report, { generatedAt: at });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pdfText(pdf);
    expect(text).toContain(report.project.name);
    expect(text).toContain(report.project.code);
    expect(text).toContain('WHY THESE COLOURS');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Generated 24 Nov 2026 09:12 UTC');
    const overridden = RAG_DIMENSIONS.find((d) => report.dimensions[d].justification);
    expect(overridden).toBeDefined();
    expect(text.replace(/\s+/g, ' ')).toContain('because');
  });

  it('flows long registers onto further pages and survives text the standard fonts lack', async () => {
    const base = demoReport(11);
    const report = {
      ...base,
      project: { ...base.project, name: 'Łódź Ωmega “R&D” → Cloud' },
      topRisks: Array.from({ length: 40 }, (_, i) => ({ ...base.topRisks[0]!, ref: `R-${i + 1}` })),
      topIssues: [],
      decisionsNeeded: [],
      history: [],
      overall: { ...base.overall, reported: 'unknown' as const, suggested: 'unknown' as const },
    };
    const pdf = await statusReportPdf(report, { generatedAt: at });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('R-40');
    expect(text).toContain('No open issues.');
    expect(text).toContain('Lódz ?mega “R&D” -> Cloud');
  });
});

describe('winAnsi', () => {
  it('keeps Latin-1 and WinAnsi punctuation, spells arrows and strips other accents', () => {
    expect(winAnsi('Zürich – “ok” … €')).toBe('Zürich – “ok” … €');
    expect(winAnsi('a → b ≥ c')).toBe('a -> b >= c');
    expect(winAnsi('Łódź 東京')).toBe('Lódz ??');
  });
});

describe('isoWeek', () => {
  it('labels dates with their ISO week, across year ends', () => {
    expect(isoWeek('2026-11-20')).toBe('2026-W47');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });
});
