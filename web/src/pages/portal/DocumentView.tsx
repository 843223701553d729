/**
 * The disclosure read on the page: the document tree built from the published facts
 * (core/disclosure/build-document.ts, the same tree the published files are drawn from), as plain React
 * elements. Charts in the tree are left to the overview charts above.
 */
import type { Budget } from '../../../../src/core/budget/budget.ts';
import { buildDocument } from '../../../../src/core/disclosure/build-document.ts';
import {
  type Block,
  cellText,
  type DocTable,
  listMarker,
  placeHeader,
  sectionHeading,
} from '../../../../src/core/disclosure/document.ts';

function TableBlock({ t }: { t: DocTable }) {
  const placed = placeHeader(t.headerRows);
  const rows = [...new Set(placed.map((c) => c.row))];
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, textAlign: 'center' }}>
        {t.title}
        {t.unit ? `（单位：${t.unit}）` : ''}
      </figcaption>
      <div className="table-scroll">
        <table>
          <thead>
            {rows.map((r) => (
              <tr key={r}>
                {placed
                  .filter((c) => c.row === r)
                  .map((c) => (
                    <th key={`${c.row}-${c.col}`} colSpan={c.colSpan} rowSpan={c.rowSpan} scope="col">
                      {c.cell.text}
                    </th>
                  ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {t.rows.map((row, i) => (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a printed table have no identity but their place.
                key={i}
                style={row.level === 'total' || row.level === 'class' ? { fontWeight: 600 } : undefined}
              >
                {row.cells.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                  <td key={j} className={typeof c === 'object' ? 'num' : undefined}>
                    {cellText(c, t.unit)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {t.emptyStatement && <p>{t.emptyStatement}</p>}
    </figure>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph':
      return block.role === 'subheading' ? (
        <h4 style={{ fontSize: 16 }}>{block.text}</h4>
      ) : (
        <p>{block.text}</p>
      );
    case 'list':
      return (
        <ul style={{ listStyle: 'none', paddingLeft: 0 }}>
          {block.items.map((item, i) => (
            <li key={item}>
              {listMarker(block.marker, i)}
              {item}
            </li>
          ))}
        </ul>
      );
    case 'table':
      return <TableBlock t={block} />;
    case 'chart':
      return null;
  }
}

export function DocumentView({ facts, prior }: { facts: Budget; prior: Budget | null }) {
  const doc = buildDocument(facts, { prior });
  return (
    <article className="doc-reader" aria-label={doc.title}>
      <h2>{doc.title}</h2>
      {doc.preamble.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {doc.sections.map((s) => (
        <section key={s.number}>
          <h3>{sectionHeading(s)}</h3>
          {s.blocks.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional within a section.
            <BlockView key={i} block={b} />
          ))}
        </section>
      ))}
    </article>
  );
}
