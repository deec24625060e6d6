import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterConfig } from '../../common/printer-address.ts';
import { Dialog } from '../shared/Dialog.tsx';
import { DialogActions } from '../shared/DialogActions.tsx';
import { ErrorBanner, useFieldError } from '../shared/errors.tsx';
import { Field } from '../shared/Field.tsx';
import { useMutation, useQuery } from '../shared/use-api.ts';
import type { CounterChoice, Device } from './DevicesSection.tsx';
import { CounterSelect } from './CounterSelect.tsx';

export type DeviceAction = 'bind' | 'printer' | 'revoke';

type Props = { action: DeviceAction; device: Device; counters: CounterChoice[]; onClose: () => void; onDone: (text: string) => void };

/** One device's action: its window (绑定窗口), a kiosk's printer, or unpairing after a yes. */
export function DeviceRowDialog(props: Props) {
  if (props.action === 'bind') return <BindCounterDialog {...props} />;
  if (props.action === 'printer') return <PrinterDialog {...props} />;
  return <RevokeDialog {...props} />;
}

function BindCounterDialog({ device, counters, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const bind = useMutation('devices/setCounter');
  const fieldError = useFieldError(bind.error);
  const [counterId, setCounterId] = useState(device.counterId === null ? '' : String(device.counterId));
  const [missing, setMissing] = useState(false);
  const title = t('manage:devices.bindTitle', { name: device.name });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // A rating screen without a window can do nothing: it is moved, never left unbound here.
    if (device.role === 'rate' && counterId === '') {
      setMissing(true);
      return;
    }
    const result = await bind.run({ id: device.id, counterId: counterId === '' ? null : Number(counterId) });
    if (result)
      onDone(t('manage:devices.bound', { name: device.name, counter: counters.find((c) => c.id === result.counterId)?.name ?? t('manage:devices.noCounter') }));
  };

  const error = missing ? t('manage:devices.rateNeedsCounter') : fieldError('counterId');
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)} aria-label={title}>
        <CounterSelect counters={counters} value={counterId} onChange={setCounterId} forRating={device.role === 'rate'} error={error} autoFocus />
        {!bind.error?.details?.fields && <ErrorBanner error={bind.error} />}
        <DialogActions submitText={t('manage:staff.confirm')} pending={bind.pending} cancelText={t('manage:staff.cancel')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

type PrinterKind = 'default' | PrinterConfig['kind'];
const printerKinds: PrinterKind[] = ['default', 'tcp', 'serial', 'screen'];

function PrinterDialog({ device, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const current = useQuery('devices/getPrinter', { deviceId: device.id });
  const save = useMutation('devices/setPrinter');
  const fieldError = useFieldError(save.error);
  const [kind, setKind] = useState<PrinterKind>('default');
  const [form, setForm] = useState({ host: '', port: '9100', path: '', baudRate: '9600' });
  const title = t('manage:devices.printerTitle', { name: device.name });

  useEffect(() => {
    const p = current.data?.printer;
    if (!p) return;
    setKind(p.kind);
    if (p.kind === 'tcp') setForm((f) => ({ ...f, host: p.host, port: String(p.port) }));
    if (p.kind === 'serial') setForm((f) => ({ ...f, path: p.path, baudRate: String(p.baudRate) }));
  }, [current.data]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const printer =
      kind === 'default'
        ? null
        : kind === 'tcp'
          ? { kind, host: form.host, port: Number(form.port) || 9100 }
          : kind === 'serial'
            ? { kind, path: form.path, baudRate: Number(form.baudRate) || 9600 }
            : { kind };
    if (await save.run({ deviceId: device.id, printer })) onDone(t('manage:devices.printerSaved', { name: device.name }));
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog-form" noValidate onSubmit={(e) => void submit(e)} aria-label={title}>
        <label className="select">
          {t('manage:devices.printerKind')}
          <select value={kind} autoFocus onChange={(e) => setKind(printerKinds.find((k) => k === e.target.value) ?? 'default')}>
            {printerKinds.map((k) => (
              <option key={k} value={k}>
                {t(`manage:devices.printerKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'tcp' && (
          <>
            <Field
              label={t('manage:devices.printerHost')}
              value={form.host}
              onChange={(e) => setForm({ ...form, host: e.target.value })}
              error={fieldError('printer.host')}
            />
            <Field
              label={t('manage:devices.printerPort')}
              type="number"
              min={1}
              max={65535}
              value={form.port}
              onChange={(e) => setForm({ ...form, port: e.target.value })}
              error={fieldError('printer.port')}
            />
          </>
        )}
        {kind === 'serial' && (
          <>
            <Field
              label={t('manage:devices.printerPath')}
              value={form.path}
              onChange={(e) => setForm({ ...form, path: e.target.value })}
              error={fieldError('printer.path')}
            />
            <Field
              label={t('manage:devices.printerBaud')}
              type="number"
              value={form.baudRate}
              onChange={(e) => setForm({ ...form, baudRate: e.target.value })}
              error={fieldError('printer.baudRate')}
            />
          </>
        )}
        {!save.error?.details?.fields && <ErrorBanner error={save.error} />}
        <ErrorBanner error={current.error} />
        <DialogActions submitText={t('manage:staff.confirm')} pending={save.pending} cancelText={t('manage:staff.cancel')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function RevokeDialog({ device, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const revoke = useMutation('devices/revoke');
  const title = t('manage:devices.revokeTitle', { name: device.name });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await revoke.run({ id: device.id })) onDone(t('manage:devices.revokedDone', { name: device.name }));
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)} aria-label={title}>
        <p className="hint">{t('manage:devices.revokeHint')}</p>
        <ErrorBanner error={revoke.error} />
        <DialogActions submitText={t('manage:devices.revoke')} danger pending={revoke.pending} cancelText={t('manage:staff.cancel')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
