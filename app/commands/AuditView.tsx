import { useEffect, useState } from 'react';
import { auditToCsv, type AuditRecord } from '../../src/commands';
import { downloadText } from '../lib/download';
import { formatTime } from '../lib/format';
import { queryAudit } from './auditActions';
import { auditResultText, auditSourceText } from './auditText';
import { useAuditStorageProblem, useAuditVersion } from './hooks';
import { caption, mainButton } from './styles';
import { useT } from '../i18n/useT';
import { formatDate } from '../lib/formatLocale';
import { msg } from '../i18n/i18n';

/** Rows shown; the CSV export has every record kept. */
const SHOWN = 200;

const stamp = (d = new Date()) => d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

/** The command audit: every command sent, newest first, exportable as CSV. */
export function AuditView() {
  const t = useT();
  const version = useAuditVersion();
  const storageProblem = useAuditStorageProblem();
  const [rows, setRows] = useState<AuditRecord[] | null>(null);
  const [total, setTotal] = useState(0);
  const [dropped, setDropped] = useState(0);
  const [session, setSession] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    queryAudit({ limit: SHOWN }).then(
      (a) => {
        if (!live) return;
        setRows([...a.records]);
        setTotal(a.total);
        setDropped(a.dropped);
        setSession(a.session);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <p className={caption}>
          {t('{total, plural, one {# command recorded} other {# commands recorded}}', { total })}{total > SHOWN ? t(' (newest {SHOWN} shown; the export has all)', { SHOWN }) : ''}.
          {dropped > 0 ? t(' {dropped} oldest dropped to stay within the limit.', { dropped }) : ''}
        </p>
        <button
          type="button"
          className={`${mainButton} ml-auto`}
          disabled={total === 0}
          onClick={() =>
            void queryAudit({ order: 'oldest' }).then(
              // The CSV keeps its English column names and result codes for scripts, plus "result text" as the table reads.
              (all) => downloadText(`sightglass-audit-${stamp()}.csv`, auditToCsv(all.records, (r) => auditResultText(r, all.session)), 'text/csv;charset=utf-8'),
              (e: Error) => setError(e.message),
            )
          }
        >
          {t('Export CSV')}
        </button>
      </div>
      {storageProblem && <p className="font-semibold">{storageProblem}</p>}
      {error && <p className="font-semibold">{t('Could not read the audit: {error}', { error })}</p>}
      {rows && rows.length === 0 && <p className="text-hmi-muted">{t('No commands sent yet.')}</p>}
      {rows && rows.length > 0 && (
        <table aria-label={t('Command audit')} className="w-full min-w-[64rem] border-collapse text-left text-[13px]">
          <thead className="sticky top-0 bg-hmi-raised">
            <tr>
              {[msg('Time'), msg('Connection'), msg('Client ID'), msg('Source'), msg('Topic'), msg('Payload'), 'QoS', msg('Properties'), msg('Result')].map((h) => (
                <th key={h} scope="col" className="border-b border-hmi-border px-2 py-1 font-semibold">
                  {t(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="align-top odd:bg-hmi-raised/50">
                <td className="whitespace-nowrap px-2 py-1 font-mono">
                  {formatDate(r.at)} {formatTime(r.at)}
                </td>
                <td className="px-2 py-1">{r.connectionName}</td>
                <td className="whitespace-nowrap px-2 py-1 font-mono">{r.clientId}</td>
                <td className="px-2 py-1">{auditSourceText(r.source)}</td>
                <td className="min-w-40 break-all px-2 py-1 font-mono">{r.topic}</td>
                <td className="min-w-32 max-w-64 break-all px-2 py-1 font-mono">{r.payload}</td>
                <td className="px-2 py-1">
                  {r.qos}
                  {r.retain ? t(', retained') : ''}
                </td>
                <td className="min-w-56 max-w-72 break-words px-2 py-1">{r.properties}</td>
                <td className={`min-w-48 break-words px-2 py-1 ${r.result === 'failed' ? 'font-semibold text-alarm-high' : ''}`}>{auditResultText(r, session)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
