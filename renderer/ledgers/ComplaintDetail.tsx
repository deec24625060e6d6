import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, attachmentMimes } from '../../common/upload-limits.ts';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { send } from '../api/client.ts';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import { downloadFile } from '../shared/download-file.ts';
import { formatHallDateTime, hallToday } from '../shared/hall-clock.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import { useUtilities, utilityName } from './use-utilities.ts';
import { useDueDay } from '../shared/due-day.ts';

type Detail = OutputOf<Contract['complaints/get']>;

const replyMethods = ['phone', 'sms', 'visit', 'inPerson', 'letter', 'platform'] as const;

/** One complaint: what was recorded so far, the next step's form, the audited reveal and the attachments. */
export function ComplaintDetail({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const due = useDueDay();
  const detail = useQuery('complaints/get', { id }, { refreshOn: ['complaints/changed'] });
  const utilities = useUtilities();
  const c = detail.data;
  if (!c) return <ErrorBanner error={detail.error} />;
  const changed = () => {
    detail.reload();
    onChanged();
  };

  return (
    <section className="card ledger-detail" aria-labelledby="complaint-detail-title">
      <h2 id="complaint-detail-title">
        {t('ledgers:complaint.detailTitle', { id: c.id })} · {t(`ledgers:state.${c.state}`)} <DeadlineBadge state={c.deadline} dueDay={c.dueDay} />
      </h2>
      <dl>
        <dt>{t('ledgers:complaint.channel')}</dt>
        <dd>
          {t(`ledgers:channel.${c.channel}`)} {c.externalRef ?? ''}
        </dd>
        <dt>{t('ledgers:complaint.receivedAt')}</dt>
        <dd>{formatHallDateTime(c.receivedAt)}</dd>
        <dt>{t('ledgers:complaint.complainant')}</dt>
        <dd>
          <Complainant complaint={c} />
        </dd>
        <dt>{t('ledgers:complaint.utility')}</dt>
        <dd>{c.utility ? utilityName(utilities, c.utility) : t('ledgers:complaint.hallItself')}</dd>
        <dt>{t('ledgers:complaint.staff')}</dt>
        <dd>{c.staffName ?? '—'}</dd>
        <dt>{t('ledgers:complaint.content')}</dt>
        <dd>{c.content}</dd>
        <dt>{t('ledgers:complaint.dueDay')}</dt>
        <dd>{due(c.dueDay)}</dd>
        {c.investigation && (
          <>
            <dt>{t('ledgers:complaint.investigation')}</dt>
            <dd>{c.investigation}</dd>
          </>
        )}
        {c.measures && (
          <>
            <dt>{t('ledgers:complaint.measures')}</dt>
            <dd>{c.measures}</dd>
          </>
        )}
        {c.replyContent && (
          <>
            <dt>{t('ledgers:complaint.reply')}</dt>
            <dd>
              {c.replyDay} · {c.replyMethod ? t(`ledgers:replyMethod.${c.replyMethod}`) : ''} · {c.replyContent}
            </dd>
          </>
        )}
        {c.closedAt && (
          <>
            <dt>{t('ledgers:complaint.closedDay')}</dt>
            <dd>
              {c.closedDay} {c.sameDayCleared ? `· ${t('ledgers:complaint.sameDay')}` : ''}
            </dd>
            <dt>{t('ledgers:complaint.accountability')}</dt>
            <dd>{c.accountability ?? '—'}</dd>
          </>
        )}
        {c.publication && (
          <>
            <dt>{t('ledgers:complaint.publication')}</dt>
            <dd>{c.publication}</dd>
          </>
        )}
      </dl>
      {c.nextSteps.includes('investigate') && <InvestigateForm complaint={c} onDone={changed} />}
      {c.nextSteps.includes('reply') && <ReplyForm complaint={c} onDone={changed} />}
      {c.nextSteps.includes('close') && <CloseForm complaint={c} onDone={changed} />}
      {c.nextSteps.includes('publish') && <PublishForm complaint={c} onDone={changed} />}
      <Attachments complaint={c} onDone={changed} />
      <div className="ledger-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t('ledgers:close')}
        </button>
      </div>
    </section>
  );
}

/** Masked; the full name and number only for a stated reason, and that is audited. */
function Complainant({ complaint }: { complaint: Detail }) {
  const { t } = useTranslation();
  const reveal = useMutation('complaints/reveal');
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<{ name: string; phone: string | null }>();
  if (shown) return <span>{`${shown.name} ${shown.phone ?? ''}`}</span>;
  return (
    <span className="ledger-actions">
      <span>{`${complaint.complainant} ${complaint.phone ?? ''}`}</span>
      <input aria-label={t('ledgers:reveal.reason')} placeholder={t('ledgers:reveal.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button
        type="button"
        className="secondary"
        disabled={reason.trim().length < 2 || reveal.pending}
        onClick={() => void reveal.run({ id: complaint.id, reason }).then((r) => r && setShown(r))}
      >
        {t('ledgers:reveal.show')}
      </button>
      <ErrorBanner error={reveal.error} />
    </span>
  );
}

function InvestigateForm({ complaint, onDone }: { complaint: Detail; onDone: () => void }) {
  const { t } = useTranslation();
  const investigate = useMutation('complaints/investigate');
  const fieldError = useFieldError(investigate.error);
  const [investigation, setInvestigation] = useState(complaint.investigation ?? '');
  const [measures, setMeasures] = useState(complaint.measures ?? '');
  return (
    <form
      className="ledger-form"
      aria-label={t('ledgers:step.investigate')}
      onSubmit={(e) => {
        e.preventDefault();
        void investigate.run({ id: complaint.id, investigation, measures }).then((r) => r && onDone());
      }}
    >
      <h3>{t('ledgers:step.investigate')}</h3>
      <label>
        {t('ledgers:complaint.investigation')}
        <textarea value={investigation} onChange={(e) => setInvestigation(e.target.value)} />
        {fieldError('investigation') && <span className="field-error">{fieldError('investigation')}</span>}
      </label>
      <label>
        {t('ledgers:complaint.measures')}
        <textarea value={measures} onChange={(e) => setMeasures(e.target.value)} />
      </label>
      {!investigate.error?.details?.fields && <ErrorBanner error={investigate.error} />}
      <div className="ledger-actions">
        <button type="submit" className="primary" disabled={investigate.pending}>
          {t('ledgers:step.saveInvestigation')}
        </button>
      </div>
    </form>
  );
}

function ReplyForm({ complaint, onDone }: { complaint: Detail; onDone: () => void }) {
  const { t } = useTranslation();
  const reply = useMutation('complaints/reply');
  const fieldError = useFieldError(reply.error);
  const [replyDay, setReplyDay] = useState(complaint.replyDay ?? hallToday());
  const [method, setMethod] = useState<(typeof replyMethods)[number]>(complaint.replyMethod ?? 'phone');
  const [content, setContent] = useState(complaint.replyContent ?? '');
  return (
    <form
      className="ledger-form"
      aria-label={t('ledgers:step.reply')}
      onSubmit={(e) => {
        e.preventDefault();
        void reply.run({ id: complaint.id, replyDay, method, content }).then((r) => r && onDone());
      }}
    >
      <h3>{t('ledgers:step.reply')}</h3>
      <div className="row">
        <label>
          {t('ledgers:complaint.replyDay')}
          <input type="date" value={replyDay} onChange={(e) => setReplyDay(e.target.value)} />
          {fieldError('replyDay') && <span className="field-error">{fieldError('replyDay')}</span>}
        </label>
        <label>
          {t('ledgers:complaint.replyMethod')}
          <select value={method} onChange={(e) => setMethod(replyMethods.find((m) => m === e.target.value) ?? 'phone')}>
            {replyMethods.map((m) => (
              <option key={m} value={m}>
                {t(`ledgers:replyMethod.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('ledgers:complaint.replyContent')}
        <textarea value={content} onChange={(e) => setContent(e.target.value)} />
        {fieldError('content') && <span className="field-error">{fieldError('content')}</span>}
      </label>
      {!reply.error?.details?.fields && <ErrorBanner error={reply.error} />}
      <div className="ledger-actions">
        <button type="submit" className="primary" disabled={reply.pending}>
          {t('ledgers:step.saveReply')}
        </button>
      </div>
    </form>
  );
}

function CloseForm({ complaint, onDone }: { complaint: Detail; onDone: () => void }) {
  const { t } = useTranslation();
  const close = useMutation('complaints/close');
  const [accountability, setAccountability] = useState('');
  return (
    <form
      className="ledger-form"
      aria-label={t('ledgers:step.close')}
      onSubmit={(e) => {
        e.preventDefault();
        void close.run({ id: complaint.id, accountability }).then((r) => r && onDone());
      }}
    >
      <h3>{t('ledgers:step.close')}</h3>
      <label>
        {t('ledgers:complaint.accountability')}
        <textarea value={accountability} onChange={(e) => setAccountability(e.target.value)} />
      </label>
      <ErrorBanner error={close.error} />
      <div className="ledger-actions">
        <button type="submit" className="primary" disabled={close.pending}>
          {t('ledgers:step.closeSubmit')}
        </button>
      </div>
    </form>
  );
}

function PublishForm({ complaint, onDone }: { complaint: Detail; onDone: () => void }) {
  const { t } = useTranslation();
  const publish = useMutation('complaints/publish');
  const [publication, setPublication] = useState('');
  return (
    <form
      className="ledger-form"
      aria-label={t('ledgers:step.publish')}
      onSubmit={(e) => {
        e.preventDefault();
        void publish.run({ id: complaint.id, publication }).then((r) => r && onDone());
      }}
    >
      <h3>{t('ledgers:step.publish')}</h3>
      <label>
        {t('ledgers:complaint.publication')}
        <textarea value={publication} onChange={(e) => setPublication(e.target.value)} />
      </label>
      <ErrorBanner error={publish.error} />
      <div className="ledger-actions">
        <button type="submit" className="secondary" disabled={publish.pending || publication.trim() === ''}>
          {t('ledgers:step.publishSubmit')}
        </button>
      </div>
    </form>
  );
}

const toBase64 = (bytes: ArrayBuffer): string => {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
};

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

/** Letters, photos, recordings: stored with the ledger; each download is audited. */
function Attachments({ complaint, onDone }: { complaint: Detail; onDone: () => void }) {
  const { t } = useTranslation();
  const attach = useMutation('complaints/attach');
  const [tooLarge, setTooLarge] = useState(false);
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setTooLarge(file.size > ATTACHMENT_MAX_BYTES);
    if (file.size > ATTACHMENT_MAX_BYTES) return;
    const mime = attachmentMimes.find((m) => m === file.type) ?? 'text/plain';
    const done = await attach.run({ id: complaint.id, fileName: file.name, mime, dataBase64: toBase64(await file.arrayBuffer()) });
    if (done) onDone();
  };
  const download = async (attachmentId: number) => {
    const result = await send('complaints/attachment', { attachmentId });
    if (result.ok) downloadFile(result.value.fileName, fromBase64(result.value.dataBase64), result.value.mime);
  };
  return (
    <div>
      <h3>{t('ledgers:attachments.title')}</h3>
      <ul>
        {complaint.attachments.map((a) => (
          <li key={a.id}>
            <button type="button" className="secondary" onClick={() => void download(a.id)}>
              {a.fileName}
            </button>{' '}
            {t('ledgers:attachments.size', { kb: Math.ceil(a.sizeBytes / 1024) })}
          </li>
        ))}
      </ul>
      <label className="ledger-actions">
        {t('ledgers:attachments.add')}
        <input type="file" accept={attachmentMimes.join(',')} onChange={(e) => void upload(e)} />
      </label>
      {tooLarge && (
        <div className="error-banner" role="alert">
          {t('ledgers:attachments.tooLarge')}
        </div>
      )}
      <ErrorBanner error={attach.error} />
    </div>
  );
}
