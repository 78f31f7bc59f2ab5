// Dutch validation messages that name a field as the user sees it (its label
// on screen), never by its code name, and never with a JavaScript or zod type
// word ("verwacht array, ontving Date", "Onbekende key"). Schemas that carry
// their own Dutch message keep it; every other issue gets its message here
// (passed to safeParse as the per-parse error map, see ipc/dispatch.ts).

import type { z } from 'zod';

/**
 * Every input field of the contract, by its code name, with the label the
 * user sees. A new field needs a label here (tests/unit/validation-messages
 * walks the contract and fails on a field without one).
 */
export const FIELD_LABELS: Record<string, string> = {
  // Phones over the room's network (issue 16).
  address: 'Het netwerkadres',
  allow: 'Toelaten',
  state: 'Telefoons',
  // Added this round (records, backups, erasure, reports); kept apart so merges stay readable.
  acceptLate: 'Te late aanmelding accepteren',
  afterEnd: 'Na afloop toevoegen',
  archived: 'Gearchiveerd',
  cancelled: 'Geannuleerd',
  confirmPast: 'Datum in het verleden bevestigen',
  contact: 'Contactgegevens',
  createSchools: 'Onbekende scholen aanmaken',
  delta: 'Verandering',
  existing: 'Bestaande deelnemers',
  extraNames: 'Extra namen',
  importId: 'Import',
  lateNote: 'Notitie bij late aanmelding',
  newOrganisation: 'Nieuwe organisatie',
  newSchoolSector: 'Sector van nieuwe scholen',
  onlyGoodRows: 'Alleen de goede rijen importeren',
  organisation: 'Organisatie',
  participantIds: 'Deelnemers',
  reason: 'Reden',
  showFacilitator: 'Naam van de begeleider tonen',
  answerKind: 'Soort antwoord',
  audience: 'Publieksweergave',
  blockId: 'Blok',
  capacity: 'Aantal trajecten',
  cardId: 'Kaart',
  clusterId: 'Cluster',
  command: 'Opdracht',
  commit: 'Importeren',
  contactEmail: 'E-mail contactpersoon',
  contactName: 'Contactpersoon',
  count: 'Aantal',
  csv: 'CSV-tekst',
  date: 'Datum',
  deadline: 'Deadline',
  displayId: 'Scherm',
  doneOn: 'Gedaan op',
  dots: 'Stippen',
  due: 'Wanneer',
  email: 'E-mail',
  entry: 'Inbreng',
  entryId: 'Inbreng',
  facilitator: 'Begeleider',
  format: 'Werkvorm',
  fresh: 'Nieuwe ronde',
  from: 'Vanaf',
  groupId: 'Groep',
  grouping: 'Indeling',
  high: 'Hoogste waarde',
  id: 'Keuze',
  index: 'Dia',
  instructions: 'Instructie',
  items: 'Agenda',
  key: 'Agendapunt',
  kind: 'Soort',
  limit: 'Aantal',
  location: 'Locatie',
  low: 'Laagste waarde',
  minutes: 'Minuten',
  mode: 'Scherm',
  moduleId: 'Module',
  modules: 'Modules',
  multiple: 'Meer antwoorden',
  name: 'Naam',
  notes: 'Notitie',
  offset: 'Vanaf',
  option: 'Optie',
  options: 'Opties',
  order: 'Volgorde',
  organisationId: 'Organisatie',
  organisationName: 'Naam organisatie',
  participantId: 'Deelnemer',
  prompt: 'Vraag',
  pseudonymise: 'Pseudonimiseren',
  receivedOn: 'Ontvangen op',
  revealed: 'Tonen',
  role: 'Rol',
  runId: 'Werkvorm',
  scaleLabels: 'Labels van de schaal',
  schoolId: 'School',
  search: 'Zoeken',
  season: 'Seizoen',
  sections: 'Onderdelen',
  sector: 'Sector',
  sessionId: 'Sessie',
  side: 'Kant',
  slideId: 'Dia',
  slideIds: 'Dia’s',
  startTime: 'Begintijd',
  status: 'Status',
  stepKey: 'Stap',
  text: 'Tekst',
  themes: 'Thema’s',
  title: 'Titel',
  to: 'Omzetten naar',
  token: 'Bevestiging',
  trajectoryId: 'Traject',
  type: 'Soort',
  value: 'Waarde',
  waitingList: 'Wachtlijst',
  what: 'Wat',
  who: 'Wie',
  workFormatId: 'Werkvorm',
  years: 'Bewaartermijn in jaren',
};

/** The label of the field an issue is about: its last named path segment. */
export function fieldLabel(path: readonly PropertyKey[]): string | null {
  const key = fieldKey(path);
  return key === null ? null : (FIELD_LABELS[key] ?? 'Een veld');
}

type RawIssue = z.core.$ZodRawIssue;

const quantity = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/** The field's code name (the last named path segment). */
function fieldKey(path: readonly PropertyKey[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return null;
}

/** What is wrong, said about the field `f` ("Datum", "Aantal"…). */
function describe(issue: RawIssue, f: string): string {
  // A record the user picks (a group, a session): never typed, so never "a number".
  const key = fieldKey(issue.path ?? []);
  if (key !== null && (key === 'id' || key.endsWith('Id'))) {
    return issue.code === 'invalid_type' && issue.input === undefined ? `${f} ontbreekt: kies er een.` : `${f}: kies een van de mogelijkheden.`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${f} ontbreekt.`;
      switch (issue.expected) {
        case 'number':
        case 'int':
        case 'bigint':
          return `${f} moet een getal zijn.`;
        case 'boolean':
          return `${f} is ja of nee.`;
        case 'string':
          return `${f} moet een tekst zijn.`;
        case 'array':
          return `${f} moet een opsomming zijn.`;
        default:
          return `${f} is niet goed ingevuld.`;
      }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string') return Number(min) <= 1 ? `${f} mag niet leeg zijn.` : `${f} moet minstens ${quantity(min, 'teken', 'tekens')} hebben.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Kies minstens ${min} bij ${f}.`;
      return issue.inclusive ? `${f} moet minstens ${min} zijn.` : `${f} moet groter zijn dan ${min}.`;
    }
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `${f} is te lang (hoogstens ${quantity(max, 'teken', 'tekens')}).`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${f}: hoogstens ${max} tegelijk.`;
      return issue.inclusive ? `${f} mag hoogstens ${max} zijn.` : `${f} moet kleiner zijn dan ${max}.`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return `${f} is geen geldig e-mailadres.`;
      if (issue.format === 'safeint' || issue.format === 'int32') return `${f} moet een geheel getal zijn.`;
      return `${f} heeft niet de goede vorm.`;
    case 'not_multiple_of':
      return `${f} moet een veelvoud van ${issue.divisor} zijn.`;
    case 'invalid_value':
      return `${f}: kies een van de mogelijkheden.`;
    case 'unrecognized_keys':
      return 'De invoer bevat gegevens die Sessiewijzer niet kent; er is niets opgeslagen.';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return `${f} is niet goed ingevuld.`;
  }
}

/**
 * The per-parse error map: a Dutch message for an issue whose schema has no
 * message of its own. The field's label starts the sentence.
 */
export function dutchIssueMessage(issue: RawIssue): string {
  return describe(issue, fieldLabel(issue.path ?? []) ?? 'De invoer');
}
