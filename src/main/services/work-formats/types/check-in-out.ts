// Check-in and check-out, the same format at the start and the end of a
// session: one word per person (a word cloud) or a score from 1 to 10.

import type { WorkFormatType } from '../../../../shared/module-format';
import { plural } from '../../../reports/charts';
import { FONT_REGULAR } from '../../../reports/writer';
import { checkScore, checkWord } from './checks';
import { distribution, distributionOutcome, distributionRows, writeDistribution } from './distribution';
import type { WorkFormatTypeModule } from './module';
import { idsOf, takeKind } from './phone';
import type { EntryInput } from '../../../../shared/channels/workformats';
import { DECLARATION_RULES } from '../../../../shared/work-format-declarations';

type CheckType = Extract<WorkFormatType, 'check-in' | 'check-out'>;

export function checkModule<T extends CheckType>(type: T): WorkFormatTypeModule<T> {
  const module: WorkFormatTypeModule<CheckType> = {
    type,
    declaration: DECLARATION_RULES[type],
    entries: { word: checkWord, score: checkScore },
    results(format, entries) {
      const words = new Map<string, { word: string; count: number }>();
      const said = entries.filter((e) => e.kind === 'word');
      for (const e of said) {
        const word = String(e.payload.text);
        const key = word.toLocaleLowerCase('nl');
        const row = words.get(key);
        if (row) row.count++;
        else words.set(key, { word, count: 1 });
      }
      const scores = distribution(entries.filter((e) => e.kind === 'score').map((e) => ({ value: Number(e.payload.value), count: 1 })));
      const answerKind = format.answerKind ?? 'woord';
      return {
        type,
        answerKind,
        // Stable: most frequent first, then in the order first said.
        words: [...words.values()].sort((a, b) => b.count - a.count),
        distribution: scores.distribution,
        n: answerKind === 'woord' ? said.length : scores.n,
        mean: scores.mean,
      };
    },
    csvRows: (r) => (r.answerKind === 'woord' ? r.words.map((w) => ['woord', w.word, w.count]) : distributionRows(r, 'score')),
    writeReport(w, r, prompt, parent) {
      if (r.answerKind !== 'woord') {
        writeDistribution(w, r, null, prompt, parent);
        return;
      }
      if (r.words.length === 0) {
        w.note('Geen woorden ingevoerd.', parent);
        return;
      }
      w.block('P', `${plural(r.n, 'woord', 'woorden')} genoemd:`, FONT_REGULAR, 10.5, { parent, gapAfter: 2 });
      w.block('P', r.words.map((x) => (x.count > 1 ? `${x.word} (${x.count}×)` : x.word)).join(' · '), FONT_REGULAR, 11, {
        parent,
        gapAfter: 4,
      });
    },
    outcome(r, lead) {
      if (r.answerKind !== 'woord') return distributionOutcome(r, lead);
      if (r.words.length === 0) return null;
      return `${lead}: ${r.words
        .slice(0, 3)
        .map((x) => x.word)
        .join(', ')}.`;
    },
    pseudonymise: (r, p) => ({ ...r, words: r.words.map((x) => ({ ...x, word: p.text(x.word) })) }),
    freeTexts: (r) => r.words.map((w) => w.word),
    // A word (waits for the facilitator) or a score; either replaces the phone's earlier answer.
    phone: {
      states: ['open'],
      prompt: (format) => ({ answerKind: format.answerKind ?? 'woord' }),
      entries(format, _state, answer, mine) {
        const a = takeKind(answer, (format.answerKind ?? 'woord') === 'woord' ? 'woord' : 'score');
        const entry: EntryInput = a.kind === 'woord' ? { kind: 'word', text: a.text } : { kind: 'score', value: a.value };
        return { add: [{ entry, pending: a.kind === 'woord' }], remove: idsOf(mine, 'word', 'score') };
      },
    },
  };
  // Both types share one results shape, so the module for either is the module for this one.
  return module as WorkFormatTypeModule<CheckType> as WorkFormatTypeModule<T>;
}
