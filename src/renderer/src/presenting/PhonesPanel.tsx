// "Telefoons" in the presenter's side panel (issue 16): the switch that starts
// the room server for this session, the network it listens on, the address,
// room code and QR code phones use, how many phones are connected, and what
// to do when phones cannot reach the laptop. Main owns the server; this panel
// only asks (lan:start / lan:stop) and shows what main reports (lan:status,
// refreshed on 'lan:changed', see api/queries.ts).

import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { channelKey } from '../api/queries';
import { useAction, useChannel } from '../ui/hooks';
import { ErrorMessage } from '../ui/parts';
import type { LanInterface, LanStatus } from '../../../shared/channels/lan';
import { useProjectorOptions } from './projectorOptions';
import { keysBackAfterClick } from './focus';
import { Address, qrDataUrl } from './phoneJoin';
import './phones.css';

const NETWORK_KEY = 'sessiewijzer.telefoonnetwerk';

/** The address to start on: the facilitator's choice while it is still listed, else the only one, else where it runs. */
function pickAddress(list: LanInterface[], chosen: string, status: LanStatus | undefined): string {
  if (chosen && list.some((i) => i.address === chosen)) return chosen;
  if (status?.running && status.address && list.some((i) => i.address === status.address)) return status.address;
  if (list.length === 1) return list[0]!.address;
  return '';
}

export function PhonesPanel({ sessionId }: { sessionId: number }) {
  const status = useChannel('lan:status', { sessionId });
  const interfaces = useChannel('lan:interfaces', {});
  const action = useAction();
  // The facilitator's choice outlives the tab (and the session): the same laptop in the same room uses the same network.
  const [chosen, setChosenState] = useState(() => localStorage.getItem(NETWORK_KEY) ?? '');
  const setChosen = (next: string) => {
    setChosenState(next);
    localStorage.setItem(NETWORK_KEY, next);
  };
  const [projector, setProjector] = useProjectorOptions(sessionId);
  const list = interfaces.data ?? [];
  const s = status.data;
  const running = Boolean(s?.running && s.sessionId === sessionId);
  const address = pickAddress(list, chosen, s);

  const client = useQueryClient();
  // Main answers a start or stop with the new status: show it at once ('lan:changed' follows anyway).
  const shown = (next: LanStatus | undefined) => {
    if (next) client.setQueryData(channelKey('lan:status', { sessionId }), next);
  };
  const start = async (at: string) => shown(await action.run(() => api('lan:start', { sessionId, address: at })));
  const toggle = async () => {
    if (running) {
      shown(await action.run(() => api('lan:stop', { sessionId })));
      if (projector.phoneJoin) setProjector({ phoneJoin: false });
    } else if (address) {
      await start(address);
    }
  };
  const choose = (next: string) => {
    setChosen(next);
    // Moving a running server to another network: main gives it a new room code there.
    if (running && next && next !== s?.address) void start(next);
  };
  // Several networks and none chosen yet: the switch waits for the choice, and says so.
  const mustChoose = !running && !address && list.length > 1;
  // Both reads may fail with the same Dutch refusal (for example while the feature is unavailable): say it once.
  const readErrors = [...new Set([status.error, interfaces.error].filter((e): e is string => Boolean(e)))];

  return (
    // A mouse click gives the keys back to the slides: a Space meant for the next slide must never
    // switch the server off (the switches are buttons, which keep Enter and Space while focused).
    <section className="phones-panel" aria-label="Telefoons" onClick={keysBackAfterClick}>
      <div className="phones-switch-row">
        <button
          type="button"
          role="switch"
          className="phones-switch"
          aria-checked={running}
          aria-describedby={mustChoose ? 'phones-choose-first' : undefined}
          disabled={action.busy || (!running && !address)}
          onClick={() => void toggle()}
        >
          <span className="phones-switch-track" aria-hidden="true">
            <span className="phones-switch-thumb" />
          </span>
          Deelnemen via telefoon
        </button>
        {/* The count sits beside the switch, so it is in view without scrolling on a low screen. */}
        <span className="phones-state" data-phones-state={running ? 'aan' : 'uit'} role="status" aria-live="polite">
          {running && s ? (
            <>
              Aan · <b data-phone-count>{s.phones}</b> {s.phones === 1 ? 'telefoon' : 'telefoons'} verbonden
            </>
          ) : (
            'Uit'
          )}
        </span>
      </div>

      {mustChoose ? (
        <p className="phones-hint muted-dark" id="phones-choose-first">
          Deze laptop heeft meer dan één netwerk. Kies hieronder het netwerk waar de telefoons op zitten; daarna kun je
          telefoons laten meedoen.
        </p>
      ) : null}
      {readErrors.map((e) => (
        <ErrorMessage key={e} message={e} />
      ))}
      <ErrorMessage message={action.error} />
      {s?.problem ? (
        <p className="error" role="alert">
          {s.problem}
        </p>
      ) : null}

      {running && s ? (
        <div className="phones-live">
          <div className="phones-address">
            <span className="muted-dark">Adres voor telefoons</span>
            <b data-phone-url>{s.url ? <Address url={s.url} /> : '—'}</b>
            <span>
              Kamercode <b className="phones-code" data-room-code>{s.roomCode}</b>
            </span>
          </div>
          {s.qrSvg ? <img className="phones-qr" src={qrDataUrl(s.qrSvg)} alt={`QR-code voor ${s.url ?? 'het adres'}`} /> : null}
          <button
            type="button"
            role="switch"
            className="phones-switch phones-join-switch"
            aria-checked={projector.phoneJoin}
            onClick={() => setProjector({ phoneJoin: !projector.phoneJoin })}
          >
            <span className="phones-switch-track" aria-hidden="true">
              <span className="phones-switch-thumb" />
            </span>
            QR-code groot op het scherm
          </button>
          <p className="phones-hint muted-dark">
            Zolang een vraag open staat voor telefoons, staan de QR-code en het adres ook klein naast de dia.
          </p>
        </div>
      ) : null}

      <div className="phones-network">
        {interfaces.data && list.length === 0 ? (
          <p className="phones-none" data-no-network>
            Deze laptop is met geen enkel netwerk verbonden. Zet wifi aan of maak een hotspot (zie hieronder) en kies
            daarna Vernieuwen.
          </p>
        ) : list.length === 1 ? (
          <p className="phones-one">
            Netwerk: <b>{describe(list[0]!)}</b>
          </p>
        ) : list.length > 1 ? (
          <label className="phones-choose">
            <span>Netwerk</span>
            <select value={address} onChange={(e) => choose(e.target.value)} aria-label="Netwerk voor telefoons">
              {address === '' ? <option value="">Kies het netwerk van deze ruimte…</option> : null}
              {list.map((i) => (
                <option key={`${i.name}-${i.address}`} value={i.address}>
                  {describe(i)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="phones-refresh" onClick={() => interfaces.reload()}>
          Vernieuwen
        </button>
      </div>
      {running && list.length > 1 ? (
        <p className="phones-hint muted-dark">Een ander netwerk kiezen geeft een nieuwe code; telefoons scannen dan opnieuw.</p>
      ) : null}

      <details className="phones-help" open={!running || undefined}>
        <summary>Telefoons komen niet binnen?</summary>
        <ul>
          <li>
            Telefoons moeten op <b>hetzelfde netwerk</b> zitten als deze laptop. Internet is niet nodig: alles blijft in
            deze ruimte.
          </li>
          <li>
            Veel school- en gastnetwerken laten apparaten elkaar niet zien (apparaatisolatie): de pagina laadt dan niet
            op de telefoon. Zet dan een <b>hotspot</b> aan, op deze laptop (Windows: Instellingen → Netwerk en internet →
            Mobiele hotspot; macOS: Systeeminstellingen → Algemeen → Delen → Internetdeling) of op je eigen telefoon.
            Verbind de laptop en de deelnemers met die hotspot, kies Vernieuwen en kies het nieuwe netwerk.
          </li>
          <li>
            Vraagt het besturingssysteem of Sessiewijzer verbindingen mag ontvangen (de firewall)? Kies{' '}
            <b>Toestaan</b> voor <b>privénetwerken</b> (Windows: &lsquo;Particuliere netwerken&rsquo;), niet voor
            openbare. Dat laat alleen telefoons in dit netwerk de vragen ophalen en antwoorden sturen, op poort{' '}
            {s?.port ?? 8787}. Er gaat niets naar internet.
          </li>
          <li>
            Deelnemers blijven anoniem: geen namen, geen IP-adressen. Tekst van telefoons (kaarten, argumenten, woorden)
            komt pas op het scherm als jij hem toelaat (tab Werkvorm). Zet je dit uit of rond je de sessie af, dan
            stopt de server en werkt het adres niet meer.
          </li>
        </ul>
      </details>
    </section>
  );
}

function describe(i: LanInterface): string {
  return `${i.label ?? i.name} · ${i.address}`;
}
