// Applies the pseudonymiser to the report data: people by id, free text by
// scanning, roles and schools only where shared; and lists what still looks
// like a name for the review before saving.

import type { RunResults } from '../../shared/work-formats';
import { moduleOf } from '../services/work-formats/types';
import { createPseudonymiser, findSuspects, type PseudonymPerson, type Pseudonymiser, type Suspect } from './pseudonym';
import type { ReportAction, ReportOptions, SessionReportData, TrajectoryReportData } from './types';

/** Everyone in the data with an id: given ids, otherwise a stable id per distinct name (data from tests, old callers). */
function collectPeople(named: { participantId?: number; id?: number; name: string; role: string; schoolName?: string | null }[]): {
  people: PseudonymPerson[];
  idOf: (p: { participantId?: number; id?: number; name: string }) => number;
} {
  const people = new Map<number, PseudonymPerson>();
  const synthetic = new Map<string, number>();
  const idOf = (p: { participantId?: number; id?: number; name: string }): number => {
    const given = p.participantId ?? p.id;
    if (given !== undefined) return given;
    const key = p.name.trim().toLocaleLowerCase('nl');
    let id = synthetic.get(key);
    if (id === undefined) {
      id = -(synthetic.size + 1);
      synthetic.set(key, id);
    }
    return id;
  };
  for (const p of named) {
    const id = idOf(p);
    if (!people.has(id)) people.set(id, { id, name: p.name, role: p.role, schoolName: p.schoolName ?? null });
  }
  return { people: [...people.values()], idOf };
}

function hidden(options: ReportOptions, facilitators: (string | null)[]): { name: string; replacement: string }[] {
  const showFacilitator = options.showFacilitator ?? !options.pseudonymise;
  return [
    ...(showFacilitator ? [] : facilitators.filter((f): f is string => !!f).map((name) => ({ name, replacement: 'de begeleider' }))),
    ...(options.extraNames ?? []).map((name) => ({ name, replacement: '[naam]' })),
  ];
}

function pseudonymiseResults(r: RunResults, p: Pseudonymiser): RunResults {
  // A result that only carries a linked person's name gets their pseudonym; other text is scanned.
  const person = (name: string | null) => {
    if (name === null) return null;
    const id = p.idOf(name);
    return id !== null ? p.label(id) : p.text(name);
  };
  return moduleOf(r.type).pseudonymise(r, { text: (t) => p.text(t), person });
}

export function pseudonymiseAction(a: ReportAction, p: Pseudonymiser): ReportAction {
  // Linked to a participant: the pseudonym (with role and school where shared). Otherwise "wie" is free text.
  let who: string | null = null;
  const linked = a.participantId ?? (a.participantName ? p.idOf(a.participantName) : null);
  if (a.who !== null) {
    const id = p.idOf(a.who);
    who = id !== null ? p.describe(id) : p.text(a.who);
  } else if (linked !== null && linked !== undefined) {
    who = p.describe(linked);
  }
  return { ...a, what: p.text(a.what), who, participantName: null, participantId: null };
}

export function sessionPseudonymiser(data: SessionReportData, options: ReportOptions): Pseudonymiser {
  const { people, idOf } = collectPeople([...data.attendees, ...(data.people ?? [])]);
  const attendeeIds = data.attendees.map(idOf);
  return createPseudonymiser({
    people,
    order: data.pseudonymOrder ?? attendeeIds,
    cohort: attendeeIds,
    hide: hidden(options, [data.facilitator]),
    protect: [data.organisationName, ...data.schools, ...data.attendees.map((a) => a.schoolName ?? ''), data.moduleTitle],
  });
}

/** A copy of the data with every person replaced (attendees by id, linked names, free text, "wie"). */
export function pseudonymiseSessionData(data: SessionReportData, options: ReportOptions = { pseudonymise: true, fontsDir: '' }): SessionReportData {
  const p = sessionPseudonymiser(data, options);
  const { idOf } = collectPeople([...data.attendees, ...(data.people ?? [])]);
  const showFacilitator = options.showFacilitator ?? false;
  return {
    ...data,
    facilitator: showFacilitator ? data.facilitator : null,
    location: data.location === null ? null : p.text(data.location),
    groupName: p.text(data.groupName),
    attendees: data.attendees.map((a) => ({
      ...a,
      participantId: undefined,
      name: p.label(idOf(a)),
      role: p.sharedRole(a.role) ? a.role : 'rol niet getoond',
      schoolName: p.sharedSchool(a.schoolName) ? a.schoolName : a.schoolName === null ? null : 'Andere scholen',
    })),
    agenda: data.agenda.map((a) => ({ ...a, title: p.text(a.title) })),
    runs: data.runs?.map((run) => ({ ...run, prompt: p.text(run.prompt), results: pseudonymiseResults(run.results, p) })),
    actions: data.actions?.map((a) => pseudonymiseAction(a, p)),
    nextMeeting: data.nextMeeting ? { ...data.nextMeeting, location: data.nextMeeting.location === null ? null : p.text(data.nextMeeting.location) } : data.nextMeeting,
    people: [],
  };
}

export function trajectoryPseudonymiser(data: TrajectoryReportData, options: ReportOptions): Pseudonymiser {
  const { people } = collectPeople([
    ...data.matrix.rows.map((r) => ({ participantId: r.participantId, name: r.name, role: r.role, schoolName: r.schoolName })),
    ...(data.people ?? []),
  ]);
  const ids = data.matrix.rows.map((r) => r.participantId);
  return createPseudonymiser({
    people,
    order: data.pseudonymOrder ?? [...ids].sort((a, b) => a - b),
    cohort: ids,
    hide: hidden(options, data.facilitators),
    protect: [data.organisationName, data.name, ...data.steps.schools.map((s) => s.schoolName), ...data.matrix.rows.map((r) => r.schoolName ?? ''), ...data.themes.map((t) => t.title)],
  });
}

/** A copy with every person replaced: matrix rows, notes, step notes, actions. */
export function pseudonymiseTrajectoryData(data: TrajectoryReportData, options: ReportOptions = { pseudonymise: true, fontsDir: '' }): TrajectoryReportData {
  const p = trajectoryPseudonymiser(data, options);
  const showFacilitator = options.showFacilitator ?? false;
  return {
    ...data,
    facilitators: showFacilitator ? data.facilitators : [],
    groupName: data.groupName === null ? null : p.text(data.groupName),
    notes: data.notes === null ? null : p.text(data.notes),
    meetings: data.meetings.map((m) => ({
      ...m,
      facilitator: showFacilitator ? m.facilitator : null,
      location: m.location === null ? null : p.text(m.location),
    })),
    matrix: {
      ...data.matrix,
      rows: data.matrix.rows.map((r) => ({ ...r, name: p.label(r.participantId), schoolName: p.sharedSchool(r.schoolName) ? r.schoolName : r.schoolName === null ? null : 'Andere scholen' })),
    },
    steps: {
      ...data.steps,
      schools: data.steps.schools.map((s) => ({ ...s, steps: s.steps.map((c) => ({ ...c, notes: c.notes === null ? null : p.text(c.notes) })) })),
    },
    actions: data.actions.map((a) => pseudonymiseAction(a, p)),
    nextMeeting: data.nextMeeting ? { ...data.nextMeeting, location: data.nextMeeting.location === null ? null : p.text(data.nextMeeting.location) } : data.nextMeeting,
    people: [],
  };
}

/** What still looks like a name in the pseudonymised session report (free text only). */
export function sessionSuspects(data: SessionReportData, options: ReportOptions): Suspect[] {
  const out = pseudonymiseSessionData(data, { ...options, pseudonymise: true });
  const { people } = collectPeople([...data.attendees, ...(data.people ?? [])]);
  const texts = [
    out.location ?? '',
    out.groupName,
    ...(out.runs ?? []).flatMap((r) => moduleOf(r.results.type).freeTexts(r.results)),
    ...(out.actions ?? []).flatMap((a) => [a.what, a.who ?? '']),
  ];
  return findSuspects(texts, people, [data.organisationName, data.groupName, data.moduleTitle, ...data.schools, ...data.agenda.map((a) => a.title)]);
}

export function trajectorySuspects(data: TrajectoryReportData, options: ReportOptions): Suspect[] {
  const out = pseudonymiseTrajectoryData(data, { ...options, pseudonymise: true });
  const { people } = collectPeople([
    ...data.matrix.rows.map((r) => ({ participantId: r.participantId, name: r.name, role: r.role, schoolName: r.schoolName })),
    ...(data.people ?? []),
  ]);
  const texts = [
    out.notes ?? '',
    ...out.steps.schools.flatMap((s) => s.steps.map((c) => c.notes ?? '')),
    ...out.actions.flatMap((a) => [a.what, a.who ?? '']),
    ...out.meetings.map((m) => m.location ?? ''),
  ];
  return findSuspects(texts, people, [
    data.organisationName,
    data.name,
    data.groupName ?? '',
    ...data.steps.schools.map((s) => s.schoolName),
    ...data.themes.map((t) => t.title),
    ...data.steps.steps.map((s) => s.label),
  ]);
}
