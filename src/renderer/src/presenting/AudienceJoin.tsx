// How phones join, on the room's screen (issue 16): the QR code and the
// short address with the room code, large enough to scan and read from the
// back of the room. Shown while the room server runs for this session and
// either a question on this slide is open for phones (a strip at the right,
// results keep clear of it) or the facilitator asked for a join moment
// ("QR-code groot op het scherm": in the middle, unless results are shown).
// Reads only audience channels (lan:status, runs:list/results).

import { useChannel } from '../ui/hooks';
import { useRun } from '../workformats/useRun';
import { Address, qrDataUrl, shortAddress } from './phoneJoin';
import './phones.css';

export type JoinMode = 'strip' | 'large' | null;

/** Where the join code goes on the audience screen now (null: not shown). */
export function useJoinMode(sessionId: number, slideId: string | null, joinMoment: boolean, visible: boolean) {
  const lan = useChannel('lan:status', { sessionId }, [], sessionId > 0);
  // The same query as AudienceWorkFormat's (same key), so no extra request.
  const { run } = useRun(sessionId, slideId, true);
  const status = lan.data;
  const running = Boolean(status?.running && status.sessionId === sessionId && status.url);
  const phoneOpen = run?.run.phoneState === 'open' || run?.run.phoneState === 'voting';
  const resultsShown = Boolean(run?.results);
  let mode: JoinMode = null;
  if (running && visible) {
    if (joinMoment && !resultsShown) mode = 'large';
    else if (joinMoment || phoneOpen) mode = 'strip';
  }
  return { mode, status: running ? status! : null };
}

export function AudienceJoin({ mode, url, roomCode, qrSvg }: { mode: Exclude<JoinMode, null>; url: string; roomCode: string | null; qrSvg: string | null }) {
  const address = shortAddress(url);
  return (
    <aside className={`audience-join join-${mode}`} aria-label="Meedoen met je telefoon" data-join={mode}>
      {qrSvg ? <img src={qrDataUrl(qrSvg)} alt={`QR-code voor ${address}`} /> : null}
      <div className="audience-join-text">
        <p className="audience-join-lead">Doe mee met je telefoon</p>
        <p className="audience-join-url" data-join-url>
          <Address url={url} />
        </p>
        {roomCode ? (
          <p className="audience-join-code">
            code <span data-join-code>{roomCode}</span>
          </p>
        ) : null}
      </div>
    </aside>
  );
}
