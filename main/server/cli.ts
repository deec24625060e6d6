import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatabaseTooNewError } from '../../db/migrate.ts';
import { parsePrinterUrl } from '../drivers/printer/printer-config.ts';
import { defaultDataDir } from '../shared/data-dir.ts';
import { collectProfileFolders, collectRatingDeviceSettings } from '../drivers/rating/device-settings.ts';
import { startHall } from './hall.ts';
import { clockFromOption } from '../shared/clock-option.ts';

// `npm run hall -- --data DIR --host 0.0.0.0 --port 4720 [--voice-pack DIR]`: the headless hall server.
// `--printer tcp://192.168.1.50:9100` (or serial:///dev/ttyUSB0?baud=19200) is the ticket
// printer of kiosks without their own; `--public-url http://192.168.1.10:4720` is the
// address the tickets' QR codes point phones to.
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: process.env.ONEWINDOW_PORT ?? '4720' },
    'backup-dir': { type: 'string' },
    'backup-keep': { type: 'string', default: '14' },
    'log-level': { type: 'string', default: process.env.ONEWINDOW_LOG_LEVEL ?? 'info' },
    // A folder of recorded clips replacing the generated pack (docs/voice.md).
    'voice-pack': { type: 'string' },
    printer: { type: 'string' },
    'public-url': { type: 'string' },
    // Each counter's rating device, repeatable: counter3=reference-serial:/dev/ttyUSB0?baud=9600&addr=1 (docs/devices.md).
    'rating-device': { type: 'string', multiple: true },
    'rating-profiles': { type: 'string', multiple: true },
    // The hall's clock starts at this instant and runs on (tests, training halls, demos): docs/time.md.
    'clock-start': { type: 'string' },
    // Folders (besides <data>/sync-drops) that folder connectors may write to: docs/security.md.
    'drop-root': { type: 'string', multiple: true },
    // TLS (docs/security.md): the hall's own CA by default off loopback; or the operator's certificate.
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'tls-ca': { type: 'string' },
    // Plain HTTP on the hall's network, on purpose: logged loudly at every start.
    'insecure-http': { type: 'boolean', default: false },
    // The key connector secrets and the backup key are sealed with: outside the data folder (docs/security.md).
    'secret-key': { type: 'string' },
    // The desktop apps' release folder served at /updates/ (docs/deploy.md); default <data>/releases.
    releases: { type: 'string' },
  },
});

const root = resolve(fileURLToPath(import.meta.url), '../../..');

/** A usage error: one line on stderr and exit code 2, not a stack trace. */
function usage(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function publicUrlOption(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !['http:', 'https:'].includes(url.protocol))
    usage(`invalid --public-url "${value}": use http://HOST:PORT as phones on the hall's network reach it`);
  return value;
}

function printerOption(value: string | undefined) {
  if (!value) return undefined;
  try {
    return parsePrinterUrl(value);
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

const printer = printerOption(values.printer ?? process.env.ONEWINDOW_PRINTER);
const publicUrl = publicUrlOption(values['public-url'] ?? process.env.ONEWINDOW_PUBLIC_URL);

function ratingDeviceOptions() {
  try {
    return {
      ratingDevices: collectRatingDeviceSettings({ flags: values['rating-device'], env: process.env }),
      ratingProfileFolders: collectProfileFolders({ flags: values['rating-profiles'], env: process.env }).map((folder) => resolve(folder)),
    };
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}
const ratings = ratingDeviceOptions();

function tlsOption() {
  const cert = values['tls-cert'] ?? process.env.ONEWINDOW_TLS_CERT;
  const key = values['tls-key'] ?? process.env.ONEWINDOW_TLS_KEY;
  if (!cert && !key) return undefined;
  if (!cert || !key) usage('--tls-cert and --tls-key go together: the certificate (PEM, with its chain) and its private key');
  if (values['insecure-http']) usage('--insecure-http cannot be used with --tls-cert');
  const ca = values['tls-ca'] ?? process.env.ONEWINDOW_TLS_CA;
  return { kind: 'files' as const, certFile: resolve(cert), keyFile: resolve(key), caFile: ca ? resolve(ca) : undefined };
}
const tls = tlsOption();
const clockOption = clockFromOption(values['clock-start'] ?? process.env.ONEWINDOW_CLOCK_START);
if ('error' in clockOption) usage(clockOption.error);

try {
  const hall = await startHall({
    dataDir: resolve(values.data ?? process.env.ONEWINDOW_DATA ?? defaultDataDir()),
    host: values.host,
    port: Number(values.port),
    // A build elsewhere (ONEWINDOW_RENDERER_DIR) lets several checkouts' tests run side by side.
    rendererDir: resolve(root, process.env.ONEWINDOW_RENDERER_DIR ?? 'dist/renderer'),
    backupDir: values['backup-dir'],
    backupKeep: Number(values['backup-keep']),
    logLevel: values['log-level'],
    voicePackDir: values['voice-pack'] ? resolve(values['voice-pack']) : undefined,
    printer,
    publicUrl,
    ...ratings,
    clock: clockOption.clock,
    dropRoots: (values['drop-root'] ?? []).map((dir) => resolve(dir)),
    tls,
    insecureHttp: values['insecure-http'],
    secretKeyFile: values['secret-key'] ?? process.env.ONEWINDOW_SECRET_KEY,
    releasesDir: values.releases ? resolve(values.releases) : undefined,
  });
  // A hall whose core died answers nothing: end it, so the service manager starts it again.
  void hall.failed.then((error) => {
    process.stderr.write(`OneWindow hall server: the core stopped (${error.message}); exiting\n`);
    process.exit(1);
  });
  // A plain line scripts and tests can wait for, besides the structured log.
  process.stdout.write(`OneWindow hall server listening on ${hall.url}\n`);
  if (hall.certificate.caFingerprint) {
    process.stdout.write(`Hall certificate authority (devices trust this; compare it on each PC): SHA-256 ${hall.certificate.caFingerprint}\n`);
    process.stdout.write(`Other PCs install it from ${hall.url}/trust\n`);
  }
  if (hall.setupCode) process.stdout.write(`First-run setup code (to set up the hall from another PC): ${hall.setupCode}\n`);
  const stop = () => {
    // A shutdown must not hang the machine's restart: committed records are safe in SQLite's
    // WAL whatever happens next, so after 15 s the process exits and says so.
    setTimeout(() => {
      process.stderr.write(`OneWindow hall server: shutdown stuck at "${hall.closingStep()}" after 15 s; exiting anyway\n`);
      process.exit(1);
    }, 15_000).unref();
    hall.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof DatabaseTooNewError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(3);
  }
  throw error;
}
