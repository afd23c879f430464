import {
  HORIZON_TITLES,
  participationChartSvg,
  planLines,
  SERIES_PHASE_TITLES,
  STEP_STATUS_TITLES,
  workshopDates,
  type SeriesReport,
} from '@crossboard/model';

/** Text for HTML content and attribute values: nothing a participant wrote becomes markup. */
export function escapeHtml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
const h = escapeHtml;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// Inline styles only (the CSP allows them; no script at all): prints on A4 without the screen chrome.
const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.5;color:#111827}
body{margin:0;background:#f9fafb}
header,main,footer{max-width:52rem;margin:0 auto;padding:1rem 1.25rem}
header{border-bottom:1px solid #e5e7eb;background:#fff;max-width:none}
header>div{max-width:52rem;margin:0 auto}
h1{font-size:1.9rem;margin:.25rem 0}h2{margin-top:2rem;border-bottom:2px solid #e5e7eb;padding-bottom:.25rem}
h3{margin-bottom:.25rem}.meta{color:#4b5563;font-size:.95rem}
section{background:#fff;border:1px solid #e5e7eb;border-radius:.5rem;padding:.25rem 1.25rem 1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
ul{padding-left:1.25rem}li{margin:.2rem 0;overflow-wrap:anywhere}.by{color:#4b5563;font-style:italic}
.table-wrap{overflow-x:auto}svg{height:auto;max-width:100%}
@media (max-width:40rem){table.stack thead{position:absolute;left:-9999px}table.stack tr{display:block;border-bottom:1px solid #e5e7eb;padding:.4rem 0}table.stack td{display:block;border:0;padding:.1rem 0}table.stack td::before{content:attr(data-label) ": ";font-weight:600}}
@media print{body{background:#fff}header{border:0}section{border:0;padding:0;break-inside:avoid-page}a{color:inherit}}
`;

/**
 * The public page of a published workshop or series: the report, the contributors and
 * organisations as each chose to be credited, participation by country. Server-rendered
 * HTML with no script, so it reads the same in any browser, a screen reader and on paper.
 */
export function renderPublicPage(report: SeriesReport, kind: 'workshop' | 'series', lang = 'en'): string {
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="${h(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
  );
  out.push(`<meta name="robots" content="noindex"><title>${h(report.title)} · Crossboard</title><style>${STYLE}</style></head><body>`);
  out.push(
    `<header><div><p class="meta">${kind === 'series' ? 'Workshop series report' : 'Workshop report'}</p><h1>${h(report.title)}</h1>`,
  );
  if (report.purpose.trim())
    out.push(
      ...report.purpose
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => `<p>${h(l)}</p>`),
    );
  out.push('</div></header><main>');

  out.push(
    '<section aria-labelledby="workshops"><h2 id="workshops">Workshops</h2><div class="table-wrap"><table class="stack"><thead><tr><th scope="col">Workshop</th><th scope="col">When</th><th scope="col">Participants</th><th scope="col">Countries</th></tr></thead><tbody>',
  );
  for (const w of report.workshops) {
    out.push(
      `<tr><td data-label="Workshop">${h(w.title)}</td><td data-label="When">${workshopDates(w).map(h).join('<br>') || '—'}</td><td data-label="Participants">${w.participants}</td><td data-label="Countries">${h(w.countries.join(', ')) || '—'}</td></tr>`,
    );
  }
  out.push('</tbody></table></div></section>');

  if (report.recommendations.length) {
    out.push('<section aria-labelledby="recommendations"><h2 id="recommendations">Recommendations and action steps</h2>');
    report.recommendations.forEach((r, i) => {
      out.push(`<article><h3>${i + 1}. ${h(r.title || 'Untitled recommendation')}</h3>`);
      if (kind === 'series') out.push(`<p class="meta">From ${r.sources.map((s) => h(s.workshopTitle)).join(', ')}</p>`);
      out.push(
        ...r.description
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => `<p>${h(l)}</p>`),
      );
      const plan = planLines(r.plan);
      if (plan.length)
        out.push(`<dl class="plan">${plan.map(([label, value]) => `<dt>${h(label)}</dt><dd>${h(value)}</dd>`).join('')}</dl>`);
      if (r.actionSteps.length) {
        out.push(
          `<div class="table-wrap"><table class="stack"><caption class="meta" style="text-align:left">Action steps</caption><thead><tr><th scope="col">Step</th><th scope="col">Owner</th><th scope="col">Horizon</th><th scope="col">Status</th></tr></thead><tbody>`,
        );
        for (const s of r.actionSteps)
          out.push(
            `<tr><td data-label="Step">${h(s.text)}</td><td data-label="Owner">${h(s.owner) || '—'}</td><td data-label="Horizon">${HORIZON_TITLES[s.horizon]}</td><td data-label="Status">${STEP_STATUS_TITLES[s.status]}</td></tr>`,
          );
        out.push('</tbody></table></div>');
      }
      out.push('</article>');
    });
    out.push('</section>');
  }

  for (const phase of ['painPoints', 'visions'] as const) {
    const clusters = report.clusters.filter((c) => c.phase === phase);
    if (!clusters.length) continue;
    out.push(`<section aria-labelledby="${phase}"><h2 id="${phase}">${SERIES_PHASE_TITLES[phase]}</h2>`);
    for (const c of clusters) {
      out.push(`<h3>${h(c.title || 'Not clustered')}</h3>`);
      if (kind === 'series') out.push(`<p class="meta">In ${h(c.workshops.join(', '))}</p>`);
      out.push('<ul>');
      for (const n of c.notes) {
        const by = [n.name, n.organisation].filter(Boolean).join(', ');
        out.push(`<li>${h(n.text) || '<em>(empty note)</em>'}${by ? ` <span class="by">— ${h(by)}</span>` : ''}</li>`);
      }
      out.push('</ul>');
    }
    out.push('</section>');
  }

  const p = report.participation;
  out.push(
    `<section aria-labelledby="participation"><h2 id="participation">Participation</h2><p>${plural(p.people, 'person', 'people')} from ${plural(p.countries.length, 'country', 'countries')} took part.</p>`,
  );
  out.push(
    participationChartSvg(
      'People by country',
      p.countries.map((c) => ({ label: c.country, value: c.people })),
    ),
  );
  out.push('</section>');

  const credits = report.contributors;
  out.push('<section aria-labelledby="contributors"><h2 id="contributors">Contributors</h2>');
  if (credits.named.length)
    out.push(
      `<ul>${credits.named.map((c) => `<li>${h(c.name)}${c.organisation ? ` <span class="by">(${h(c.organisation)})</span>` : ''}</li>`).join('')}</ul>`,
    );
  if (credits.organisations.length)
    out.push(`<h3>Organisations</h3><ul>${credits.organisations.map((o) => `<li>${h(o.organisation)}</li>`).join('')}</ul>`);
  if (!credits.named.length && !credits.organisations.length) out.push('<p>Everyone who took part chose not to be credited.</p>');
  out.push(
    '</section></main><footer><p class="meta">Each contributor is credited as they chose. Made with Crossboard.</p></footer></body></html>',
  );
  return out.join('\n');
}
