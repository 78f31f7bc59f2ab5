// Command-line interface over the same core as the app, for admins and
// scripted checks. Honours SESSIEWIJZER_DATA_DIR. Errors: Dutch message, exit 1.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import type { Core } from '../core';
import { CoreOwner } from '../services/core-owner';
import { BACKUPS_DIR_NAME, createBackup, listBackups, writeBackupFile } from '../services/backup';
import { appLocations } from '../paths';
import { dispatch } from '../ipc/dispatch';
import type { Channel, ChannelInput, ChannelResult } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { unexpectedErrorData } from '../db/sqlite-errors';
import { loadModuleLibrary } from '../modules/load';
import { checkReportJson, formatCheckReport, modulesTableMarkdown, TABLE_END, TABLE_START, withModulesTable } from '../modules/check';
import { writeFileAtomic } from '../services/files';
import { buildSessionReport, buildTrajectoryReport, NOT_HAPPENED, sessionHappened } from '../services/reports';
import { getTrajectory } from '../db/repositories/trajectories';
import { countPdfPages } from '../services/pdf-pages';

/** Electron's userData folder for productName "Sessiewijzer", computed without Electron. */
export function defaultUserDataDir(env = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Sessiewijzer');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Sessiewijzer');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Sessiewijzer');
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

function locations() {
  return appLocations({ env: process.env, userDataDir: defaultUserDataDir(), baseDir: repoRoot });
}

function openOwner(): Promise<CoreOwner> {
  return CoreOwner.open({
    ...locations(),
    host: {
      chooseSavePath: async () => {
        throw new AppError('ongeldige_invoer', 'Kies een doelbestand met --out.');
      },
    },
  });
}

/** Opens the core through the owner (daily backup, checks), runs fn, closes. */
async function withOwner<T>(fn: (owner: CoreOwner) => Promise<T> | T): Promise<T> {
  const owner = await openOwner();
  try {
    return await fn(owner);
  } finally {
    await owner.dailyBackupDone;
    owner.close();
  }
}

function withCore<T>(fn: (core: Core) => Promise<T> | T): Promise<T> {
  return withOwner((owner) => fn(owner.current()));
}

/** Calls a channel through the same validation as the app. */
async function call<C extends Channel>(core: Core, channel: C, input?: ChannelInput<C>): Promise<ChannelResult<C>> {
  const result = await dispatch(core.handlers, channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.value as ChannelResult<C>;
}

function print(json: boolean, value: unknown, lines: () => string[]): void {
  if (json) console.log(JSON.stringify(value, null, 2));
  else for (const line of lines()) console.log(line);
}

export function buildProgram(): Command {
  const program = new Command()
    .name('sessiewijzer')
    .description('Sessiewijzer op de opdrachtregel. Gegevensmap: SESSIEWIJZER_DATA_DIR of de standaardmap van de app.')
    .helpOption('-h, --help', 'toon hulp')
    .addHelpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .showHelpAfterError('(gebruik --help voor hulp)')
    .exitOverride();

  const modules = program.command('modules').description('modules controleren');
  modules
    .command('check [map]')
    .description('controleer de modulebestanden (standaard: ingebouwde en eigen modules)')
    .option('--json', 'uitvoer als JSON')
    .action((dir: string | undefined, opts: { json?: boolean }) => {
      const loc = locations();
      const dirs = dir
        ? [{ path: path.resolve(dir), origin: 'ingebouwd' as const }]
        : [
            { path: loc.builtinModulesDir, origin: 'ingebouwd' as const },
            { path: path.join(loc.dataDir, 'modules'), origin: 'eigen' as const },
          ];
      if (dir && !fs.existsSync(dirs[0]!.path)) throw new AppError('niet_gevonden', `De map ${dir} bestaat niet.`);
      const { library } = loadModuleLibrary(dirs);
      if (opts.json) console.log(JSON.stringify(checkReportJson(library), null, 2));
      else console.log(formatCheckReport(library));
      if (library.errors.length > 0) process.exitCode = 1;
    });

  modules
    .command('table')
    .description('de tabel met modules in modules/README.md bijwerken (--write) of tonen')
    .option('--write', 'schrijf de tabel in modules/README.md')
    .action((opts: { write?: boolean }) => {
      const loc = locations();
      const { library } = loadModuleLibrary([{ path: loc.builtinModulesDir, origin: 'ingebouwd' }]);
      const table = modulesTableMarkdown(library);
      if (!opts.write) {
        console.log(table);
        return;
      }
      const readme = path.join(loc.builtinModulesDir, 'README.md');
      const before = fs.readFileSync(readme, 'utf8');
      const after = withModulesTable(before, table);
      if (after === before && !before.includes(table)) {
        throw new AppError('niet_gevonden', `De markeringen ${TABLE_START} en ${TABLE_END} staan niet in ${readme}.`);
      }
      fs.writeFileSync(readme, after);
      console.log(`Tabel met ${library.modules.length} modules geschreven in ${readme}.`);
    });

  program
    .command('demo')
    .description('voorbeeldgegevens')
    .command('load')
    .description('laad voorbeeldgegevens in een lege database')
    .action(() =>
      withCore(async (core) => {
        const result = await call(core, 'demo:load');
        console.log(
          `Voorbeeldgegevens geladen: ${result.organisations} organisatie, ${result.participants} deelnemers, ${result.sessions} sessies.`,
        );
      }),
    );

  program
    .command('organisations')
    .description('organisaties')
    .command('list')
    .option('--json', 'uitvoer als JSON')
    .action((opts: { json?: boolean }) =>
      withCore(async (core) => {
        const list = await call(core, 'organisations:list');
        print(!!opts.json, list, () => list.map((o) => `${o.id}\t${o.name}\t${o.kind}`));
      }),
    );

  program
    .command('participants')
    .description('deelnemers')
    .command('list')
    .option('--organisation <id>', 'alleen deze organisatie', Number)
    .option('--json', 'uitvoer als JSON')
    .action((opts: { json?: boolean; organisation?: number }) =>
      withCore(async (core) => {
        const list = await call(core, 'participants:list', opts.organisation ? { organisationId: opts.organisation } : {});
        print(!!opts.json, list, () => list.map((p) => `${p.id}\t${p.name}\t${p.role}\t${p.schoolName ?? '–'}`));
      }),
    );

  program
    .command('sessions')
    .description('sessies')
    .command('list')
    .option('--json', 'uitvoer als JSON')
    .action((opts: { json?: boolean }) =>
      withCore(async (core) => {
        const list = await call(core, 'sessions:list');
        print(!!opts.json, list, () =>
          list.map((s) => `${s.id}\t${s.date}\t${s.moduleTitle}\t${s.groupName}\t${s.status}`),
        );
      }),
    );

  const report = program.command('report').description('verslagen als PDF');
  report
    .command('session <id>')
    .description('sessieverslag van sessie <id>')
    .requiredOption('--out <bestand>', 'waar de PDF komt')
    .option('--pseudonymise', 'geen namen van deelnemers in het verslag')
    .action((id: string, opts: { out: string; pseudonymise?: boolean }) =>
      withCore(async (core) => {
        const sessionId = Number(id);
        if (!Number.isInteger(sessionId) || sessionId <= 0) {
          throw new AppError('ongeldige_invoer', `"${id}" is geen geldig sessienummer.`);
        }
        await call(core, 'sessions:get', { id: sessionId });
        // The same rule as the app: a meeting that has not happened has no report yet.
        if (!sessionHappened(core.db, sessionId)) throw new AppError('ongeldige_invoer', NOT_HAPPENED);
        const pdf = await buildSessionReport(core.db, core.presenting, sessionId, {
          pseudonymise: !!opts.pseudonymise,
          fontsDir: locations().fontsDir,
        });
        writeFileAtomic(path.resolve(opts.out), pdf);
        console.log(`Sessieverslag opgeslagen: ${opts.out} (${countPdfPages(pdf)} pagina's)`);
      }),
    );

  report
    .command('trajectory <id>')
    .description('trajectverslag van traject <id>')
    .requiredOption('--out <bestand>', 'waar de PDF komt')
    .option('--pseudonymise', 'geen namen van deelnemers in het verslag')
    .action((id: string, opts: { out: string; pseudonymise?: boolean }) =>
      withCore(async (core) => {
        const trajectoryId = Number(id);
        if (!Number.isInteger(trajectoryId) || trajectoryId <= 0) {
          throw new AppError('ongeldige_invoer', `"${id}" is geen geldig trajectnummer.`);
        }
        getTrajectory(core.db, trajectoryId);
        const pdf = await buildTrajectoryReport(
          core.db,
          core.presenting,
          trajectoryId,
          { pseudonymise: !!opts.pseudonymise, fontsDir: locations().fontsDir },
          core.modules,
        );
        writeFileAtomic(path.resolve(opts.out), pdf);
        console.log(`Trajectverslag opgeslagen: ${opts.out} (${countPdfPages(pdf)} pagina's)`);
      }),
    );

  const backup = program.command('backup').description('reservekopieën van de database');
  backup
    .command('create')
    .description('maak een reservekopie (standaard in de map backups/ van de gegevensmap)')
    .option('--out <bestand>', 'schrijf de reservekopie naar dit bestand')
    .action((opts: { out?: string }) =>
      withCore(async (core) => {
        if (opts.out) {
          const target = path.resolve(opts.out);
          if (target === core.paths.databaseFile) throw new AppError('ongeldige_invoer', 'Kies een ander bestand: dit is de database zelf.');
          await writeBackupFile(core.db, target);
          console.log(`Reservekopie opgeslagen: ${opts.out}`);
        } else {
          const made = await createBackup(core.db, core.paths.backupsDir, 'handmatig', new Date());
          console.log(`Reservekopie opgeslagen: ${path.join(core.paths.backupsDir, made.name)}`);
        }
      }),
    );
  backup
    .command('list')
    .description('toon de reservekopieën in de map backups/')
    .option('--json', 'uitvoer als JSON')
    .action((opts: { json?: boolean }) => {
      const dir = path.join(locations().dataDir, BACKUPS_DIR_NAME);
      const list = listBackups(dir);
      print(!!opts.json, { folder: dir, backups: list }, () =>
        list.length === 0 ? [`Geen reservekopieën in ${dir}.`] : list.map((b) => `${b.createdAt}\t${b.kind}\t${b.size}\t${b.name}`),
      );
    });
  backup
    .command('restore <bestand>')
    .description('zet een reservekopie terug (een bestand, of de naam van een reservekopie uit de lijst)')
    .action((file: string) =>
      withOwner(async (owner) => {
        const inFolder = path.join(owner.paths.backupsDir, file);
        const source = !file.includes('/') && !file.includes('\\') && fs.existsSync(inFolder) ? inFolder : path.resolve(file);
        if (!fs.existsSync(source)) throw new AppError('niet_gevonden', `Het bestand ${file} bestaat niet. Er is niets gewijzigd.`);
        const result = await owner.restore(source);
        console.log(`Teruggezet: ${result.from}. De vorige database staat als ${result.safetyCopy ?? '(geen)'} bij de reservekopieën.`);
      }),
    );

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return error.exitCode;
    }
    const message = error instanceof AppError ? error.message : unexpectedErrorData(error).message;
    console.error(`Fout: ${message}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
