// SQLite's errors in Dutch, saying what happened. better-sqlite3 throws a
// SqliteError whose `code` is SQLite's extended result code name
// (SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, ...). A user
// action runs in one transaction, so when it fails nothing of that action is
// stored and everything stored before stays: the messages say exactly that,
// and never "er is niets verloren" about the action itself.

import { AppError, type AppErrorData } from '../../shared/errors';

/** The primary result code (SQLITE_IOERR_WRITE → SQLITE_IOERR), or null when this is not a SQLite error. */
export function sqlitePrimaryCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : null;
}

const KEPT = 'Wat eerder was opgeslagen, blijft bewaard.';

/** Why a SQLite operation failed, in Dutch, as the middle of a sentence ("de schijf is vol"). */
export function sqliteReason(error: unknown): string | null {
  switch (sqlitePrimaryCode(error)) {
    case 'SQLITE_FULL':
      return 'de schijf is vol';
    case 'SQLITE_READONLY':
      return 'de gegevensmap of het databasebestand is alleen-lezen (geen schrijfrechten)';
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return 'Sessiewijzer heeft geen toestemming om de database te gebruiken';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'de database is bezet door een ander programma';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'de database is beschadigd';
    case 'SQLITE_IOERR':
      return 'de schijf gaf een lees- of schrijffout';
    case 'SQLITE_CANTOPEN':
      return 'het databasebestand kan niet worden geopend (bestaat de map nog, en mag Sessiewijzer erin schrijven?)';
    case 'SQLITE_NOMEM':
      return 'het geheugen van de computer is vol';
    case 'SQLITE_TOOBIG':
      return 'de invoer is te groot om op te slaan';
    case 'SQLITE_CONSTRAINT':
      return 'dit botst met gegevens die er al zijn';
    case 'SQLITE_PROTOCOL':
    case 'SQLITE_INTERRUPT':
    case 'SQLITE_ABORT':
      return 'de database werd onderbroken';
    case null:
      return null;
    default:
      return 'de database gaf een onverwachte fout';
  }
}

/** What the user can do about it, per primary code. */
function advice(code: string | null): string {
  switch (code) {
    case 'SQLITE_FULL':
      return 'Maak ruimte vrij op de schijf en probeer het opnieuw.';
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_CANTOPEN':
      return 'Controleer de schrijfrechten van de gegevensmap en probeer het opnieuw.';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'Sluit andere programma’s die de database gebruiken en probeer het over een paar seconden opnieuw.';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'Zet een reservekopie terug (Start → Reservekopieën → Terugzetten).';
    case 'SQLITE_IOERR':
      return 'Controleer de schijf (of de USB-stick of netwerkmap) en probeer het opnieuw.';
    default:
      return 'Probeer het opnieuw.';
  }
}

/**
 * A SQLite error during a user action as the Dutch error to show, or null
 * when it is not a SQLite error. The action ran in one transaction that was
 * rolled back, so it is not stored; earlier data is.
 */
export function sqliteErrorToAppError(error: unknown): AppError | null {
  const reason = sqliteReason(error);
  if (reason === null) return null;
  const code = sqlitePrimaryCode(error);
  const appCode = code === 'SQLITE_CONSTRAINT' ? 'conflict' : code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code === 'SQLITE_READONLY' ? 'schijf' : 'database';
  return new AppError(appCode, `Niet opgeslagen: ${reason}. Deze handeling is niet uitgevoerd. ${KEPT} ${advice(code)}`);
}

/**
 * The error envelope for anything a handler threw that is not an AppError:
 * a SQLite error gets its own message; anything else is a bug, logged by the
 * caller, with a message that does not claim more than is known.
 */
export function unexpectedErrorData(error: unknown): AppErrorData {
  const mapped = sqliteErrorToAppError(error);
  if (mapped) return mapped.toData();
  return {
    code: 'intern',
    message: `Er ging iets mis in Sessiewijzer; deze handeling is niet (helemaal) uitgevoerd. ${KEPT} Probeer het opnieuw.`,
  };
}
