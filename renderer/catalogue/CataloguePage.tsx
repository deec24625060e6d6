import type { ColumnDef } from '@tanstack/react-table';
import { type ChangeEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../main/core/catalogue/catalogue.ts';
import { useNames } from '../intake/names.ts';
import { hallDateTime } from '../shared/hall-clock.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { downloadFile } from '../shared/download-file.ts';
import { ErrorBanner } from '../shared/errors.tsx';
import { PlainTable } from '../shared/PlainTable.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { CalendarSection } from './CalendarSection.tsx';
import { feeNoticeText, type NoticeWords } from './fee-notice.ts';
import './catalogue.css';

type FeeRow = {
  business: number;
  fee: number;
  utility: string;
  businessName: string;
  feeName: string;
  unit: string;
  priceFen: number;
  mandatory: boolean;
  legalBasis: string;
};

/** Fen from what the manager typed in yuan ("12.5" → 1250); undefined when it is not a price. */
export function fenOf(text: string): number | undefined {
  if (!/^-?\d+(\.\d{1,2})?$/.test(text.trim())) return undefined;
  return Math.round(Number(text) * 100);
}

/**
 * The catalogue desk: the fee items and time limits of the version in force, edited here and
 * published as the next version (applications keep the version they were made under), JSON
 * import and export, the versions published so far, the fee standards as a board notice, and
 * the working calendar.
 */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const current = useQuery('catalogue/current', {});
  const versions = useQuery('catalogue/versions', {});
  const publish = useMutation('catalogue/publish');
  const exportFile = useMutation('catalogue/export');
  const saveNotice = useMutation('queue/saveNotice');
  const [draft, setDraft] = useState<Catalogue>();
  const [message, setMessage] = useState<string>();
  useEffect(() => setDraft(current.data?.catalogue), [current.data]);

  const rows = useMemo<FeeRow[]>(
    () =>
      (draft?.businesses ?? []).flatMap((b, business) =>
        b.fees.map((f, fee) => ({
          business,
          fee,
          utility: b.utility,
          businessName: names(b.names),
          feeName: names(f.names),
          unit: names(f.unit),
          priceFen: f.priceFen,
          mandatory: f.mandatory,
          legalBasis: f.legalBasis,
        })),
      ),
    [draft, names],
  );
  const changed = draft !== undefined && current.data !== undefined && JSON.stringify(draft) !== JSON.stringify(current.data.catalogue);

  const columns = useMemo<ColumnDef<FeeRow, unknown>[]>(() => {
    const setFee = (row: FeeRow, patch: { priceFen?: number; mandatory?: boolean }) =>
      setDraft(
        (d) =>
          d && {
            ...d,
            businesses: d.businesses.map((b, i) => (i !== row.business ? b : { ...b, fees: b.fees.map((f, j) => (j === row.fee ? { ...f, ...patch } : f)) })),
          },
      );
    return [
      {
        id: 'utility',
        header: t('catalogueDesk:col.utility'),
        accessorFn: (r) => r.utility,
        cell: ({ row }) => t(`worklists:utility.${row.original.utility}`, { defaultValue: row.original.utility }),
      },
      { id: 'business', header: t('catalogueDesk:col.business'), accessorFn: (r) => r.businessName },
      { id: 'fee', header: t('catalogueDesk:col.fee'), accessorFn: (r) => r.feeName },
      {
        id: 'price',
        header: t('catalogueDesk:col.price'),
        accessorFn: (r) => r.priceFen,
        meta: { exportValue: (r) => r.priceFen / 100 },
        cell: ({ row }) => (
          <PriceInput
            label={t('catalogueDesk:priceOf', { fee: `${row.original.businessName} ${row.original.feeName}` })}
            fen={row.original.priceFen}
            onChange={(priceFen) => setFee(row.original, { priceFen })}
          />
        ),
      },
      { id: 'unit', header: t('catalogueDesk:col.unit'), accessorFn: (r) => r.unit },
      {
        id: 'mandatory',
        header: t('catalogueDesk:col.mandatory'),
        accessorFn: (r) => (r.mandatory ? t('catalogueDesk:mandatory') : t('catalogueDesk:optional')),
        cell: ({ row }) => (
          <label className="check">
            <input type="checkbox" checked={row.original.mandatory} onChange={(e) => setFee(row.original, { mandatory: e.target.checked })} />
            {row.original.mandatory ? t('catalogueDesk:mandatory') : t('catalogueDesk:optional')}
          </label>
        ),
      },
      { id: 'legalBasis', header: t('catalogueDesk:col.legalBasis'), accessorFn: (r) => r.legalBasis },
    ];
  }, [t]);

  const publishDraft = async () => {
    if (!draft) return;
    const done = await publish.run({ catalogue: draft });
    if (done) {
      setMessage(t('catalogueDesk:published', { version: done.version }));
      current.reload();
      versions.reload();
    }
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const done = await publish.run({ file: await file.text() });
    if (done) {
      setMessage(t('catalogueDesk:imported', { version: done.version }));
      current.reload();
      versions.reload();
    }
  };
  const download = async (version?: number) => {
    const file = await exportFile.run(version === undefined ? {} : { version });
    if (file) downloadFile(file.fileName, file.text, 'application/json');
  };
  const postNotice = async () => {
    if (!current.data) return;
    const c = current.data.catalogue;
    // The board shows both languages whatever this screen's language is.
    const words = (lng: string): NoticeWords => {
      const fixed = i18n.getFixedT(lng);
      return (key, values) => fixed(key, values ?? {});
    };
    const done = await saveNotice.run({
      textZh: feeNoticeText(c, 'zh', words('zh-CN')),
      textEn: feeNoticeText(c, 'en', words('en-US')),
      active: true,
      sortOrder: 0,
    });
    if (done) setMessage(t('catalogueDesk:noticePosted'));
  };

  return (
    <div className="manage-grid">
      <section className="card" aria-labelledby="catalogue-title">
        <h2 id="catalogue-title">{t('catalogueDesk:title')}</h2>
        {current.data && <p className="hint">{t('catalogueDesk:inForce', { version: current.data.version, at: hallDateTime(current.data.publishedAt) })}</p>}
        <ErrorBanner error={current.error ?? publish.error ?? exportFile.error ?? saveNotice.error} />
        {message && (
          <div className="notice" role="status">
            {message}
          </div>
        )}
        <div className="row-actions">
          <button type="button" className="primary" disabled={!changed || publish.pending} onClick={() => void publishDraft()}>
            {t('catalogueDesk:publish')}
          </button>
          <button type="button" className="secondary" disabled={!changed} onClick={() => setDraft(current.data?.catalogue)}>
            {t('catalogueDesk:discard')}
          </button>
          <button type="button" className="secondary" onClick={() => void postNotice()}>
            {t('catalogueDesk:postNotice')}
          </button>
        </div>
        <p className="hint">{t('catalogueDesk:versionHint')}</p>
        {/* A file for a backup or another hall: not a manager's daily step, so it waits under 高级. */}
        <details className="advanced">
          <summary>{t('catalogueDesk:advanced')}</summary>
          <div className="row-actions">
            <button type="button" className="secondary" onClick={() => void download()}>
              {t('catalogueDesk:exportJson')}
            </button>
            <label className="secondary file-button">
              {t('catalogueDesk:importJson')}
              <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
            </label>
          </div>
          <p className="hint">{t('catalogueDesk:advancedHint')}</p>
        </details>
        <DataTable data={rows} columns={columns} label={t('catalogueDesk:feesTable')} exportName={t('catalogueDesk:feesTable')} />
      </section>
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">{t('catalogueDesk:versions')}</h2>
        <ErrorBanner error={versions.error} />
        <PlainTable
          className="plain-table"
          columns={[t('catalogueDesk:col.version'), t('catalogueDesk:col.publishedAt'), t('catalogueDesk:col.publishedBy'), t('catalogueDesk:col.source')]}
          actions
        >
          {(versions.data ?? []).map((v) => (
            <tr key={v.version}>
              <td>{v.version}</td>
              <td>{hallDateTime(v.publishedAt)}</td>
              <td>{v.publishedBy ?? '—'}</td>
              <td>{t(`catalogueDesk:source.${v.source}`)}</td>
              <td>
                <button type="button" className="secondary" onClick={() => void download(v.version)}>
                  {t('catalogueDesk:exportVersion', { version: v.version })}
                </button>
              </td>
            </tr>
          ))}
        </PlainTable>
      </section>
      <CalendarSection />
    </div>
  );
}

/** A price in yuan that commits on leaving the field, so typing "12." is not refused midway. */
function PriceInput({ label, fen, onChange }: { label: string; fen: number; onChange: (fen: number) => void }) {
  const [text, setText] = useState(String(fen / 100));
  useEffect(() => setText(String(fen / 100)), [fen]);
  const valid = fenOf(text) !== undefined;
  return (
    <input
      className="price-input"
      aria-label={label}
      aria-invalid={!valid}
      inputMode="decimal"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        const next = fenOf(text);
        if (next === undefined) setText(String(fen / 100));
        else if (next !== fen) onChange(next);
      }}
    />
  );
}
