// The steps of the Gezonde School-aanpak (stappenplan) a school works through
// within a trajectory. Keys are stored in step_progress.step_key and
// actions.step_key: never rename a key, only its label.

export const STAPPEN = [
  { key: 'draagvlak', label: 'Draagvlak creëren' },
  { key: 'coordinator', label: 'Gezonde School-coördinator en werkgroep' },
  { key: 'inventariseren', label: 'Behoeften en situatie in kaart brengen' },
  { key: 'prioriteren', label: 'Prioriteiten kiezen' },
  { key: 'plan', label: 'Plan van aanpak maken' },
  { key: 'uitvoeren', label: 'Uitvoeren' },
  { key: 'evalueren', label: 'Evalueren' },
  { key: 'borgen', label: 'Borgen' },
] as const;

export type StapKey = (typeof STAPPEN)[number]['key'];
export const STAP_KEYS = STAPPEN.map((s) => s.key) as [StapKey, ...StapKey[]];
export const STAP_LABELS = Object.fromEntries(STAPPEN.map((s) => [s.key, s.label])) as Record<StapKey, string>;
