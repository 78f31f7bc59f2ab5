// The phone page: which room, what the facilitator asks now, and the input for it.

import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PhoneFormatType } from '../../src/shared/phone';
import { PromptFeed, type FeedState } from './api';
import { CardsInput, CheckInput, ChoiceInput, DotsInput, RankingInput, ScaleInput, StatementInput } from './inputs';
import { roomFromPath, RoomMemory } from './room';
import type { AnswerContext, OpenPrompt } from './send';

const TYPE_LABEL: Record<PhoneFormatType, string> = {
  peiling: 'Peiling',
  stelling: 'Stelling',
  schaalvraag: 'Schaalvraag',
  rangorde: 'Rangorde',
  brainstorm: 'Brainstorm',
  'check-in': 'Check-in',
  'check-out': 'Check-out',
};

function answerKey(prompt: OpenPrompt): string {
  return prompt.type === 'brainstorm' ? `${prompt.question}|${prompt.phase ?? 'kaarten'}` : prompt.question;
}

function Question({ ctx }: { ctx: AnswerContext }) {
  const { prompt } = ctx;
  let input;
  switch (prompt.type) {
    case 'peiling':
      input = <ChoiceInput ctx={ctx} />;
      break;
    case 'stelling':
      input = <StatementInput ctx={ctx} />;
      break;
    case 'schaalvraag':
      input = <ScaleInput ctx={ctx} />;
      break;
    case 'rangorde':
      input = <RankingInput ctx={ctx} />;
      break;
    case 'brainstorm':
      input = prompt.phase === 'stippen' ? <DotsInput ctx={ctx} /> : <CardsInput ctx={ctx} />;
      break;
    case 'check-in':
    case 'check-out':
      input = <CheckInput ctx={ctx} />;
      break;
    default:
      input = <p class="uitleg">Deze vraag kun je niet op je telefoon beantwoorden. Luister naar de begeleider.</p>;
  }
  const kind = TYPE_LABEL[prompt.type] ?? 'Vraag';
  const phase = prompt.type === 'brainstorm' ? (prompt.phase === 'stippen' ? ' – stippen verdelen' : ' – kaarten schrijven') : '';
  return (
    <article class="vraag">
      <p class="soort">
        {kind}
        {phase}
      </p>
      <h1 id="vraag">{prompt.prompt}</h1>
      {input}
    </article>
  );
}

function Message({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <article class="melding">
      <h1 id="vraag">{title}</h1>
      {children}
    </article>
  );
}

function WrongRoom({ room }: { room: string | null }) {
  return (
    <Message title="Deze kamer bestaat niet">
      <p>
        Controleer het adres: het moet precies zo zijn als op het scherm van de begeleider, met aan het eind de kamercode van zes tekens.
        {room ? (
          <>
            {' '}
            Op deze telefoon eindigt het op <span class="code">/{room}/</span>.
          </>
        ) : null}
      </p>
      <p>Is de sessie al afgelopen? Dan werkt deze code niet meer.</p>
    </Message>
  );
}

export function App() {
  const room = useMemo(() => roomFromPath(window.location.pathname), []);
  const memory = useMemo(() => (room ? new RoomMemory(room) : null), [room]);
  const [feed, setFeed] = useState<FeedState>({ prompt: null, link: 'verbinden' });
  const [announcement, setAnnouncement] = useState('');
  const lastQuestion = useRef<string | null>(null);

  useEffect(() => {
    if (!room || !memory) return undefined;
    const source = new PromptFeed(room, memory.device, setFeed);
    source.start();
    return () => source.stop();
  }, [room, memory]);

  const prompt = feed.prompt;
  // A screen reader hears that the question changed, without focus being pulled away from what the user was doing.
  useEffect(() => {
    const now = prompt?.state === 'open' ? answerKey(prompt) : (prompt?.state ?? null);
    if (now === lastQuestion.current) return;
    const first = lastQuestion.current === null;
    lastQuestion.current = now;
    if (prompt?.state === 'open') {
      document.title = `${prompt.prompt} – Sessiewijzer`;
      if (!first) setAnnouncement(`Nieuwe vraag: ${prompt.prompt}`);
    } else if (prompt?.state === 'wachten') {
      document.title = 'Even wachten – Sessiewijzer';
      if (!first) setAnnouncement('De vraag is gesloten. Even wachten op de volgende.');
    } else if (prompt?.state === 'einde') {
      memory?.forget();
      document.title = 'Bedankt – Sessiewijzer';
      if (!first) setAnnouncement('De sessie is afgelopen. Bedankt voor het meedoen.');
    }
  }, [prompt, memory]);

  let body;
  if (!room || !memory || feed.link === 'onbekend') body = <WrongRoom room={room} />;
  else if (!prompt) {
    body =
      feed.link === 'offline' ? (
        <Message title="Geen verbinding">
          <p>De laptop van de begeleider antwoordt niet. Staat je telefoon op hetzelfde wifi-netwerk als de laptop? We blijven het proberen.</p>
        </Message>
      ) : (
        <Message title="Verbinden…">
          <p>We maken verbinding met de laptop van de begeleider.</p>
        </Message>
      );
  } else if (prompt.state === 'wachten') {
    body = (
      <Message title="Even wachten…">
        <p>Er staat nu geen vraag open voor telefoons. Zodra de begeleider een vraag opent, verschijnt die hier vanzelf.</p>
        <p>Je hoeft niets te doen. Laat deze pagina gerust open.</p>
      </Message>
    );
  } else if (prompt.state === 'einde') {
    body = (
      <Message title="Bedankt voor het meedoen!">
        <p>De sessie is afgelopen. Je kunt deze pagina sluiten.</p>
        <p>Er is niets op je telefoon geïnstalleerd en er is geen account gemaakt.</p>
      </Message>
    );
  } else {
    const key = answerKey(prompt);
    body = <Question key={`${prompt.type}|${key}`} ctx={{ room: room, memory, prompt, key }} />;
  }

  const lost = feed.link === 'offline' && prompt !== null;
  const connected = feed.link === 'live' || feed.link === 'polling';
  return (
    <>
      <header class="kop">
        <span class="merk">Sessiewijzer</span>
        {room ? <span class="kamer">Kamer {room}</span> : null}
      </header>
      {/* At the top and sticky: a lost connection must be seen, also halfway down a long list of options. */}
      <p class={`verbinding${lost ? ' kwijt' : ''}`} role="status" aria-live="polite">
        {lost ? 'Verbinding met de begeleider kwijt. We proberen het steeds opnieuw; wat je al verstuurde is bewaard.' : ''}
      </p>
      <main>{body}</main>
      <footer class="voet">
        <p>{connected ? 'Verbonden met de begeleider. Je antwoorden zijn anoniem.' : feed.link === 'klaar' ? 'De sessie is afgelopen.' : ''}</p>
      </footer>
      <p class="sr" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
