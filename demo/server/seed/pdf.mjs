// A minimal, valid PDF (one or more A4 pages of Helvetica text), written by hand: header, objects, a correct
// cross-reference table and trailer. Enough for the demo's service-description documents.

/** Escapes text for a PDF string literal; non-Latin-1 characters are replaced. */
function pdfString(s) {
  return `(${String(s).replace(/[^\x20-\x7e\xa0-\xff]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Wraps text to lines of at most `width` characters. */
function wrap(text, width) {
  const out = [];
  for (const para of String(text).split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) { out.push(line); line = word; } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/**
 * @param {{ title: string, sections: { heading: string, text: string }[], lang?: string }} doc
 * @returns {Buffer}
 */
export function makePdf({ title, sections, lang = 'en' }) {
  const lines = [{ size: 18, text: title }, { size: 11, text: '' }];
  for (const s of sections) {
    lines.push({ size: 13, text: s.heading });
    for (const l of wrap(s.text, 90)) lines.push({ size: 10, text: l });
    lines.push({ size: 10, text: '' });
  }
  const perPage = 52;
  const pages = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));

  const objects = []; // index 0 = object 1
  const add = (body) => { objects.push(body); return objects.length; };
  const catalog = add(null);
  const pagesObj = add(null);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids = [];
  for (const page of pages) {
    let y = 800;
    const ops = ['BT'];
    for (const l of page) {
      ops.push(`/${l.size > 11 ? 'F2' : 'F1'} ${l.size} Tf 1 0 0 1 56 ${y} Tm ${pdfString(l.text)} Tj`);
      y -= l.size + 4;
    }
    ops.push('ET');
    const stream = ops.join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R /Lang ${pdfString(lang)} >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = add(`<< /Title ${pdfString(title)} /Producer (eService Widgets demo seed) >>`);

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
