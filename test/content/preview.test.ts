import { describe, expect, it } from 'vitest';
import { previewHtml } from '../../content/preview.js';
import { shippedContent } from '../support/tidbok.js';

describe('the content preview', () => {
  const html = previewHtml(shippedContent());

  it('draws every questionnaire with its questions and outcomes', () => {
    for (const q of shippedContent().questionnaires) {
      expect(html).toContain(`(${q.id})`);
      for (const question of q.questions) expect(html).toContain(`id="${q.id}-${question.id}"`);
    }
    expect(html).toContain('<span class="tag">Akut</span> Ring 112 nu.');
    expect(html).toContain('Boka <strong>Bedömning hos sjuksköterska</strong> på Vårdcentralen Fyrisdal');
  });

  it('fills advice with the unit the outcome names', () => {
    expect(html).toContain('ring Fysioterapin Eriksdal på 018-611 00 03');
  });

  it('shows every text with example values and no raw placeholders', () => {
    expect(html).toContain('<code>booking.rejected.too_late_to_cancel</code>');
    expect(html).toContain('söndag 6 december kl. 9.30');
    expect(html).not.toMatch(/\{[a-zA-Z]+(\|[a-z]+)?\}/);
  });
});
