// A module's deck on the whole window, as the room will see it; arrows to
// browse, Esc back to the module. Nothing is recorded.

import { useEffect, useState } from 'react';
import { go } from '../navigation';
import { Deck } from '../deck/Deck';
import { useChannel } from '../ui/hooks';
import { ErrorMessage } from '../ui/parts';

export function FullPreviewScreen({ moduleId }: { moduleId: string }) {
  const mod = useChannel('modules:get', { id: moduleId }, ['modules']);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') go(`modules/${encodeURIComponent(moduleId)}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [moduleId]);
  if (mod.error) return <ErrorMessage message={mod.error} />;
  if (!mod.data) return <p>Laden…</p>;
  const total = mod.data.blocks.reduce((n, b) => n + b.slides.length, 0);
  return (
    <div className="presenting presenting-full" data-index={index} data-total={total}>
      <Deck module={mod.data} onIndexChange={setIndex} keysWithoutFocus label={`Voorbeeld ${mod.data.meta.title}`} />
    </div>
  );
}
