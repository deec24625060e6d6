import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../main/core/api/method.ts';
import type { Contract } from '../../main/core/contract.ts';
import { useOverview } from '../queue/use-overview.ts';
import { DataTable } from '../shared/DataTable.tsx';
import { formatHallDateTime } from '../shared/hall-clock.ts';
import { useQuery } from '../shared/use-api.ts';
import { DeviceRowDialog, type DeviceAction } from './DeviceRowDialog.tsx';
import { PairDeviceDialog } from './PairDeviceDialog.tsx';

export type Device = OutputOf<Contract['devices/list']>[number];
export type CounterChoice = { id: number; number: number; name: string };

/** What PCs and devices trust the hall by: compared by eye when a browser installs the CA (the /trust page). */
function HallCertificateFacts() {
  const { t } = useTranslation();
  const certificate = useQuery('hall/certificate', {});
  const c = certificate.data;
  if (!c) return null;
  return (
    <div className="hall-certificate">
      <h3>{t('devices.certificateTitle')}</h3>
      {c.https ? (
        <p>
          {t('devices.certificateFingerprint')} <code data-testid="hall-ca-fingerprint">{c.caFingerprint}</code> ·{' '}
          <a href="/trust" target="_blank" rel="noreferrer">
            {t('devices.certificateHowTo')}
          </a>
        </p>
      ) : (
        <p>{t('devices.certificatePlain')}</p>
      )}
    </div>
  );
}

/** 设备: every paired screen with its window and its actions; pairing opens on demand. */
export function DevicesSection({ isAdmin }: { isAdmin: boolean }) {
  const { t, i18n } = useTranslation();
  // A screen finishing its pairing on its own PC shows up here at once.
  const devices = useQuery('devices/list', {}, { refreshOn: ['devices/changed'] });
  const overview = useOverview('staff');
  const counters: CounterChoice[] = useMemo(() => overview.data?.counters ?? [], [overview.data]);
  const [pairing, setPairing] = useState(false);
  const [action, setAction] = useState<{ kind: DeviceAction; device: Device }>();
  const [done, setDone] = useState<string>();

  const columns = useMemo<ColumnDef<Device, unknown>[]>(() => {
    const counterText = (id: number | null) => {
      const c = counters.find((x) => x.id === id);
      return c ? c.name : t('manage:devices.noCounter');
    };
    return [
      { accessorKey: 'name', header: t('devices.name') },
      { id: 'role', accessorFn: (d) => t(`roles.${d.role}`), header: t('devices.role') },
      { id: 'counter', accessorFn: (d) => (d.role === 'kiosk' ? '' : counterText(d.counterId)), header: t('manage:devices.counter') },
      { id: 'pairedAt', accessorFn: (d) => formatHallDateTime(d.pairedAt, i18n.language), header: t('manage:devices.pairedAt') },
      { id: 'state', accessorFn: (d) => (d.revokedAt ? t('devices.revoked') : t('manage:devices.inUse')), header: t('manage:devices.state') },
      {
        id: 'actions',
        header: t('manage:devices.actions'),
        enableSorting: false,
        cell: ({ row }) => {
          const d = row.original;
          if (d.revokedAt) return null;
          return (
            <span className="row-actions" data-testid={`device-actions-${d.id}`}>
              {d.role !== 'kiosk' && (
                <button type="button" className="small" onClick={() => setAction({ kind: 'bind', device: d })}>
                  {t('manage:devices.bind')}
                </button>
              )}
              {/* The core lets only an administrator choose where a kiosk prints. */}
              {d.role === 'kiosk' && isAdmin && (
                <button type="button" className="small" onClick={() => setAction({ kind: 'printer', device: d })}>
                  {t('manage:devices.printer')}
                </button>
              )}
              <button type="button" className="small danger" onClick={() => setAction({ kind: 'revoke', device: d })}>
                {t('manage:devices.revoke')}
              </button>
            </span>
          );
        },
      },
    ];
  }, [t, i18n.language, counters, isAdmin]);

  return (
    <section className="card" aria-labelledby="devices-title">
      <div className="section-head">
        <h2 id="devices-title">{t('devices.title')}</h2>
        <button type="button" className="primary" onClick={() => setPairing(true)}>
          {t('manage:devices.pair')}
        </button>
      </div>
      {done && (
        <div className="notice" role="status">
          {done}
        </div>
      )}
      <DataTable data={devices.data ?? []} columns={columns} label={t('manage:devices.list')} />
      <HallCertificateFacts />
      {pairing && (
        <PairDeviceDialog
          counters={counters}
          onIssued={devices.reload}
          onClose={() => {
            setPairing(false);
            devices.reload();
          }}
        />
      )}
      {action && (
        <DeviceRowDialog
          action={action.kind}
          device={action.device}
          counters={counters}
          onClose={() => setAction(undefined)}
          onDone={(text) => {
            setAction(undefined);
            setDone(text);
            devices.reload();
          }}
        />
      )}
    </section>
  );
}
