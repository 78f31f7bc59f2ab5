// How a declared work format appears on the audience slide. Results are not
// shown here: the work-formats issue adds recording and revealing.

import { WORK_FORMAT_LABELS, type WorkFormat } from '../../../shared/module-format';

export function WorkFormatCard({ format }: { format: WorkFormat }) {
  return (
    <div className={`work-format work-format-${format.type}`} data-work-format={format.id}>
      <p className="work-format-type">
        {WORK_FORMAT_LABELS[format.type]} · {format.minutes} min
        {format.grouping ? ` · ${format.grouping}` : ''}
      </p>
      <p className="work-format-prompt">{format.prompt}</p>
      {format.instructions ? <p className="work-format-instructions">{format.instructions}</p> : null}
      {format.options.length > 0 ? (
        <ul className="work-format-options">
          {format.options.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      ) : null}
      {format.type === 'schaalvraag' ? (
        <p className="work-format-scale">
          <span>1 {format.scaleLabels ? `= ${format.scaleLabels.low}` : ''}</span>
          <span>10 {format.scaleLabels ? `= ${format.scaleLabels.high}` : ''}</span>
        </p>
      ) : null}
      {format.type === 'stelling' ? (
        <ul className="work-format-options work-format-inline">
          <li>Eens</li>
          <li>Neutraal</li>
          <li>Oneens</li>
        </ul>
      ) : null}
    </div>
  );
}
