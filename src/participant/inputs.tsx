// One input per format a phone can answer. Each is keyed by its question (and
// brainstorm phase), so its state starts fresh for a new question and is
// prefilled from what this phone sent before for the same one.

import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PhoneAnswer } from '../../src/shared/phone';
import type { SavedStatus } from './room';
import { ANSWER_WORDS, SendStatus, useSend, type AnswerContext, type SendView } from './send';

function savedView(ctx: AnswerContext): SendView {
  const saved = ctx.memory.answer(ctx.key);
  return saved ? { kind: 'saved', status: saved.status } : { kind: 'idle' };
}

function savedAnswer<K extends PhoneAnswer['kind']>(ctx: AnswerContext, kind: K): Extract<PhoneAnswer, { kind: K }> | undefined {
  const saved = ctx.memory.answer(ctx.key)?.answer;
  return saved && saved.kind === kind ? (saved as Extract<PhoneAnswer, { kind: K }>) : undefined;
}

/**
 * A labelled text field with its explanation and a live character count, the same for the
 * argument, the word and the card. withQuestion: the question is read out with the field.
 */
function CountedField(props: {
  id: string;
  label: string;
  help: string;
  max: number;
  value: string;
  onValue: (value: string) => void;
  multiline?: boolean;
  withQuestion?: boolean;
  fieldRef?: Ref<HTMLTextAreaElement>;
}) {
  const { id, max, value, onValue } = props;
  const describedBy = `${props.withQuestion ? 'vraag ' : ''}${id}-uitleg ${id}-teller`;
  return (
    <div class="veld">
      <label for={id}>{props.label}</label>
      <p id={`${id}-uitleg`} class="uitleg">
        {props.help}
      </p>
      {props.multiline ? (
        <textarea
          id={id}
          ref={props.fieldRef}
          rows={3}
          maxLength={max}
          value={value}
          aria-describedby={describedBy}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          maxLength={max}
          autocomplete="off"
          enterKeyHint="send"
          value={value}
          aria-describedby={describedBy}
          onInput={(e) => onValue(e.currentTarget.value)}
        />
      )}
      <p id={`${id}-teller`} class="teller">
        {value.length} van {max} tekens
      </p>
    </div>
  );
}

/** Sends an answer that replaces this phone's earlier one, and remembers it on success. */
function useOneAnswer(ctx: AnswerContext) {
  const sender = useSend(ctx, true, savedView(ctx));
  const submit = async (answer: PhoneAnswer) => {
    const result = await sender.send(answer);
    if (result?.kind === 'ok') ctx.memory.rememberAnswer(ctx.key, { answer, status: result.status });
  };
  return { ...sender, submit, hasSaved: sender.view.kind === 'saved' || ctx.memory.answer(ctx.key) !== undefined };
}

function SubmitButton({ busy, again, label = 'Versturen' }: { busy: boolean; again: boolean; label?: string }) {
  // aria-disabled rather than disabled: the button keeps focus while the request runs.
  return (
    <button type="submit" class="verstuur" aria-disabled={busy ? 'true' : undefined}>
      {busy ? 'Versturen…' : again ? 'Wijziging versturen' : label}
    </button>
  );
}

function onSubmit(handler: () => void) {
  return (event: Event) => {
    event.preventDefault();
    handler();
  };
}

// ---------------------------------------------------------------------------

export function ChoiceInput({ ctx }: { ctx: AnswerContext }) {
  const options = ctx.prompt.options ?? [];
  const multiple = ctx.prompt.multiple === true;
  const [chosen, setChosen] = useState<string[]>(() => (savedAnswer(ctx, 'keuze')?.options ?? []).filter((o) => options.includes(o)));
  const one = useOneAnswer(ctx);
  const toggle = (option: string) => {
    if (!multiple) setChosen([option]);
    else setChosen((now) => (now.includes(option) ? now.filter((o) => o !== option) : options.filter((o) => o === option || now.includes(o))));
  };
  return (
    <form onSubmit={onSubmit(() => (chosen.length === 0 ? one.invalid('Kies eerst een antwoord.') : void one.submit({ kind: 'keuze', options: chosen })))}>
      <fieldset aria-labelledby="vraag" aria-describedby="uitleg">
        <p id="uitleg" class="uitleg">
          {multiple ? 'Kies één of meer antwoorden.' : 'Kies één antwoord.'}
        </p>
        <div class="keuzes">
          {options.map((option, i) => {
            const checked = chosen.includes(option);
            return (
              <label key={i} class={`keuze${checked ? ' gekozen' : ''}`}>
                <input type={multiple ? 'checkbox' : 'radio'} name="keuze" value={option} checked={checked} onChange={() => toggle(option)} />
                <span>{option}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <SubmitButton busy={one.sending} again={one.hasSaved} />
      <SendStatus view={one.view} words={ANSWER_WORDS} />
    </form>
  );
}

// ---------------------------------------------------------------------------

const SIDES = ['eens', 'neutraal', 'oneens'] as const;
type Side = (typeof SIDES)[number];
const SIDE_LABEL: Record<Side, string> = { eens: 'Eens', neutraal: 'Neutraal', oneens: 'Oneens' };

export function StatementInput({ ctx }: { ctx: AnswerContext }) {
  const offered = (ctx.prompt.options ?? []).filter((o): o is Side => (SIDES as readonly string[]).includes(o));
  const sides = offered.length > 0 ? offered : [...SIDES];
  const earlier = savedAnswer(ctx, 'stelling');
  const [side, setSide] = useState<Side | null>(earlier?.side ?? null);
  const [argument, setArgument] = useState(earlier?.argument ?? '');
  const one = useOneAnswer(ctx);
  const send = () => {
    if (!side) return one.invalid('Kies eerst eens, neutraal of oneens.');
    const text = argument.trim();
    void one.submit(text && ctx.prompt.argument ? { kind: 'stelling', side, argument: text } : { kind: 'stelling', side });
  };
  return (
    <form onSubmit={onSubmit(send)}>
      <fieldset aria-labelledby="vraag">
        <div class="kanten">
          {sides.map((s) => (
            <label key={s} class={`keuze kant kant-${s}${side === s ? ' gekozen' : ''}`}>
              <input type="radio" name="kant" value={s} checked={side === s} onChange={() => setSide(s)} />
              <span>{SIDE_LABEL[s]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {ctx.prompt.argument ? (
        <CountedField
          id="argument"
          label="Je argument (mag leeg blijven)"
          help="De begeleider leest je argument eerst; pas daarna kan de groep het zien. Noem geen namen."
          max={300}
          value={argument}
          onValue={setArgument}
          multiline
        />
      ) : null}
      <SubmitButton busy={one.sending} again={one.hasSaved} />
      <SendStatus view={one.view} words={ANSWER_WORDS} />
    </form>
  );
}

// ---------------------------------------------------------------------------

function ScoreTiles({
  name,
  value,
  onPick,
  low,
  high,
}: {
  name: string;
  value: number | null;
  onPick: (n: number) => void;
  low?: string;
  high?: string;
}) {
  return (
    <div class="cijfers">
      {[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => (
        <label key={n} class={`keuze cijfer${value === n ? ' gekozen' : ''}`}>
          <input type="radio" name={name} value={String(n)} checked={value === n} onChange={() => onPick(n)} />
          <span>
            {n}
            {n === 1 && low ? <span class="sr">, {low}</span> : null}
            {n === 10 && high ? <span class="sr">, {high}</span> : null}
          </span>
        </label>
      ))}
    </div>
  );
}

export function ScaleInput({ ctx }: { ctx: AnswerContext }) {
  const [value, setValue] = useState<number | null>(savedAnswer(ctx, 'cijfer')?.value ?? null);
  const one = useOneAnswer(ctx);
  const labels = ctx.prompt.scaleLabels ?? null;
  return (
    <form onSubmit={onSubmit(() => (value === null ? one.invalid('Kies eerst een cijfer van 1 tot en met 10.') : void one.submit({ kind: 'cijfer', value })))}>
      <fieldset aria-labelledby="vraag" aria-describedby="uitleg">
        <p id="uitleg" class="uitleg">
          Kies een cijfer van 1 tot en met 10.
        </p>
        {labels ? (
          <p class="schaal-labels" aria-hidden="true">
            <span>1 = {labels.low}</span>
            <span>10 = {labels.high}</span>
          </p>
        ) : null}
        <ScoreTiles name="cijfer" value={value} onPick={setValue} low={labels?.low} high={labels?.high} />
      </fieldset>
      <SubmitButton busy={one.sending} again={one.hasSaved} />
      <SendStatus view={one.view} words={ANSWER_WORDS} />
    </form>
  );
}

// ---------------------------------------------------------------------------

export function CheckInput({ ctx }: { ctx: AnswerContext }) {
  const one = useOneAnswer(ctx);
  const [word, setWord] = useState(savedAnswer(ctx, 'woord')?.text ?? '');
  const [score, setScore] = useState<number | null>(savedAnswer(ctx, 'score')?.value ?? null);
  if (ctx.prompt.answerKind === 'score') {
    return (
      <form onSubmit={onSubmit(() => (score === null ? one.invalid('Kies eerst een score van 1 tot en met 10.') : void one.submit({ kind: 'score', value: score })))}>
        <fieldset aria-labelledby="vraag" aria-describedby="uitleg">
          <p id="uitleg" class="uitleg">
            Kies een score van 1 tot en met 10.
          </p>
          <ScoreTiles name="score" value={score} onPick={setScore} />
        </fieldset>
        <SubmitButton busy={one.sending} again={one.hasSaved} />
        <SendStatus view={one.view} words={ANSWER_WORDS} />
      </form>
    );
  }
  return (
    <form onSubmit={onSubmit(() => (word.trim() === '' ? one.invalid('Typ eerst een woord.') : void one.submit({ kind: 'woord', text: word.trim() })))}>
      <CountedField
        id="woord"
        label="Jouw woord"
        help="Eén woord of een paar woorden, hoogstens 40 tekens. De begeleider ziet het eerst; daarna komt het in de woordwolk."
        max={40}
        value={word}
        onValue={setWord}
        withQuestion
      />
      <SubmitButton busy={one.sending} again={one.hasSaved} />
      <SendStatus
        view={one.view}
        words={{
          ...ANSWER_WORDS,
          waiting: 'Je woord is verstuurd en wacht op de begeleider. Wijzigen kan zolang de vraag openstaat.',
        }}
      />
    </form>
  );
}

// ---------------------------------------------------------------------------

export function RankingInput({ ctx }: { ctx: AnswerContext }) {
  const options = ctx.prompt.options ?? [];
  const [order, setOrder] = useState<string[]>(() => {
    const earlier = savedAnswer(ctx, 'volgorde')?.order;
    const same = earlier && earlier.length === options.length && options.every((o) => earlier.includes(o));
    return same ? earlier : options;
  });
  const [moved, setMoved] = useState('');
  const focusNext = useRef<{ option: string; dir: 'op' | 'neer' } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const one = useOneAnswer(ctx);

  // A layout effect, not a passive one: it runs in the same commit as the move. A passive effect
  // waits for the next frame, and a second quick tap in between (a fast thumb, or Enter held down)
  // would run it against the old order and leave focus on the wrong item.
  useLayoutEffect(() => {
    // Moving an item re-inserts its DOM node, which drops focus: put it back on the moved item.
    const target = focusNext.current;
    focusNext.current = null;
    if (!target || !list.current) return;
    const at = order.indexOf(target.option);
    const button = list.current.querySelectorAll<HTMLButtonElement>(`button[data-richting="${target.dir}"]`)[at];
    button?.focus();
  }, [order]);

  const move = (index: number, dir: 'op' | 'neer') => {
    const to = dir === 'op' ? index - 1 : index + 1;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    // At the top (or bottom) the same direction is no longer possible: focus the other button.
    focusNext.current = { option: item, dir: to === 0 ? 'neer' : to === next.length - 1 ? 'op' : dir };
    setOrder(next);
    setMoved(`„${item}” staat nu op plaats ${to + 1} van ${next.length}.`);
  };

  return (
    <form onSubmit={onSubmit(() => void one.submit({ kind: 'volgorde', order }))}>
      <p id="uitleg" class="uitleg">
        Zet de opties in jouw volgorde: de belangrijkste bovenaan. Gebruik de knoppen Hoger en Lager.
      </p>
      <ol class="rangorde" ref={list} aria-labelledby="vraag" aria-describedby="uitleg">
        {order.map((option, i) => (
          <li key={option}>
            <span class="plaats" aria-hidden="true">
              {i + 1}
            </span>
            <span class="optie">{option}</span>
            <span class="verplaats">
              <button
                type="button"
                data-richting="op"
                aria-disabled={i === 0 ? 'true' : undefined}
                aria-label={`„${option}” hoger zetten`}
                onClick={() => move(i, 'op')}
              >
                <span aria-hidden="true">▲</span> Hoger
              </button>
              <button
                type="button"
                data-richting="neer"
                aria-disabled={i === order.length - 1 ? 'true' : undefined}
                aria-label={`„${option}” lager zetten`}
                onClick={() => move(i, 'neer')}
              >
                <span aria-hidden="true">▼</span> Lager
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p class="sr" role="status" aria-live="polite">
        {moved}
      </p>
      <SubmitButton busy={one.sending} again={one.hasSaved} label="Volgorde versturen" />
      <SendStatus view={one.view} words={ANSWER_WORDS} />
    </form>
  );
}

// ---------------------------------------------------------------------------

const STATUS_LABEL: Record<SavedStatus, string> = { 'wacht-op-begeleider': 'wacht op de begeleider', opgeslagen: 'verstuurd' };

export function CardsInput({ ctx }: { ctx: AnswerContext }) {
  const [text, setText] = useState('');
  const [sent, setSent] = useState(() => ctx.memory.cards(ctx.key));
  // Cards are not retried automatically: a reply lost on the way back would make the card arrive twice.
  const sender = useSend(ctx, false);
  const field = useRef<HTMLTextAreaElement>(null);
  const send = async () => {
    const card = text.trim();
    if (card === '') return sender.invalid('Typ eerst iets op je kaart.');
    const result = await sender.send({ kind: 'kaart', text: card });
    if (result?.kind !== 'ok') return;
    const saved = { text: card, status: result.status };
    ctx.memory.rememberCard(ctx.key, saved);
    setSent((now) => [...now, saved]);
    setText('');
    field.current?.focus();
  };
  return (
    <form onSubmit={onSubmit(() => void send())}>
      <CountedField
        id="kaart"
        label="Nieuwe kaart"
        help="Eén idee per kaart, hoogstens 140 tekens. Je kunt meer kaarten sturen. De begeleider leest elke kaart eerst; daarna ziet de groep hem."
        max={140}
        value={text}
        onValue={setText}
        multiline
        withQuestion
        fieldRef={field}
      />
      <button type="submit" class="verstuur" aria-disabled={sender.sending ? 'true' : undefined}>
        {sender.sending ? 'Versturen…' : 'Kaart versturen'}
      </button>
      <SendStatus
        view={sender.view}
        words={{
          saved: 'Je kaart is verstuurd. Je kunt nog een kaart sturen.',
          waiting: 'Je kaart is verstuurd en wacht op de begeleider. Je kunt nog een kaart sturen.',
          offline: 'Geen verbinding met de laptop van de begeleider: je kaart is niet verstuurd. Hij staat nog in het veld; probeer het opnieuw.',
        }}
      />
      {sent.length > 0 ? (
        <section class="verstuurd" aria-labelledby="jouw-kaarten">
          <h2 id="jouw-kaarten">Jouw kaarten ({sent.length})</h2>
          <ul>
            {sent.map((card, i) => (
              <li key={i}>
                <span class="kaart-tekst">{card.text}</span>
                <span class="kaart-status">{STATUS_LABEL[card.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </form>
  );
}

// ---------------------------------------------------------------------------

/** The schema's limit per card. */
const MAX_DOTS_PER_CARD = 10;

export function DotsInput({ ctx }: { ctx: AnswerContext }) {
  const cards = ctx.prompt.cards ?? [];
  const total = Math.max(1, ctx.prompt.dots ?? 3);
  const [alloc, setAlloc] = useState<Record<number, number>>(() => {
    const earlier = savedAnswer(ctx, 'stippen')?.dots ?? [];
    const start: Record<number, number> = {};
    let left = total;
    for (const { card, dots } of earlier) {
      if (!cards.some((c) => c.id === card)) continue;
      const n = Math.min(dots, left);
      if (n > 0) start[card] = n;
      left -= n;
    }
    return start;
  });
  const one = useOneAnswer(ctx);
  const used = cards.reduce((sum, c) => sum + (alloc[c.id] ?? 0), 0);
  const left = total - used;
  const change = (id: number, delta: number) => {
    const now = alloc[id] ?? 0;
    const next = now + delta;
    if (next < 0 || next > MAX_DOTS_PER_CARD || (delta > 0 && left <= 0)) return;
    setAlloc({ ...alloc, [id]: next });
  };
  const send = () => {
    const dots = cards.filter((c) => (alloc[c.id] ?? 0) > 0).map((c) => ({ card: c.id, dots: alloc[c.id] ?? 0 }));
    if (dots.length === 0) return one.invalid('Zet eerst minstens één stip bij een kaart.');
    void one.submit({ kind: 'stippen', dots });
  };
  if (cards.length === 0) {
    return <p class="uitleg">Er zijn nog geen kaarten om stippen op te zetten. Even wachten…</p>;
  }
  return (
    <form onSubmit={onSubmit(send)}>
      <p class="uitleg" id="uitleg">
        Verdeel je {total} {total === 1 ? 'stip' : 'stippen'} over de kaarten die je het belangrijkst vindt. Meer stippen op één kaart mag.
      </p>
      <p class="over" role="status" aria-live="polite">
        Nog {left} van {total} {total === 1 ? 'stip' : 'stippen'} over
      </p>
      <ul class="stippen" aria-labelledby="vraag" aria-describedby="uitleg">
        {cards.map((card) => {
          const n = alloc[card.id] ?? 0;
          return (
            <li key={card.id} class={n > 0 ? 'met-stippen' : undefined}>
              <span class="kaart-tekst" id={`kaart-${card.id}`}>
                {card.text}
              </span>
              <span class="teller-rij">
                <button
                  type="button"
                  aria-disabled={n === 0 ? 'true' : undefined}
                  aria-label={`Stip weghalen bij „${card.text}”`}
                  onClick={() => change(card.id, -1)}
                >
                  −
                </button>
                <span class="aantal">
                  <span aria-hidden="true">{n > 0 ? '●'.repeat(n) : '0'}</span>
                  <span class="sr">
                    {n} {n === 1 ? 'stip' : 'stippen'}
                  </span>
                </span>
                <button
                  type="button"
                  aria-disabled={left <= 0 || n >= MAX_DOTS_PER_CARD ? 'true' : undefined}
                  aria-label={`Stip zetten bij „${card.text}”`}
                  onClick={() => change(card.id, 1)}
                >
                  +
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <SubmitButton busy={one.sending} again={one.hasSaved} label="Stippen versturen" />
      <SendStatus view={one.view} words={ANSWER_WORDS} />
    </form>
  );
}
