// The one IPC contract. Every channel is declared once, in the area file
// under channels/: its name (`area:verb`), a zod schema for its input and the
// type of its result. Main registers a validated handler per channel,
// preload exposes one function per channel, and the renderer's client is
// typed from this map.

import type { z } from 'zod';
import { appChannels } from './channels/app';
import { moduleChannels } from './channels/modules';
import { peopleChannels } from './channels/people';
import { sessionChannels } from './channels/sessions';
import { reportChannels } from './channels/reports';
import { presentingChannels } from './channels/presenting';
import { trajectoryChannels } from './channels/trajectories';
import { workFormatChannels } from './channels/workformats';
import { backupChannels } from './channels/backup';
import { privacyChannels } from './channels/privacy';
import { recordChannels } from './channels/records';
import { lanChannels } from './channels/lan';

export const contract = {
  ...appChannels,
  ...moduleChannels,
  ...peopleChannels,
  ...sessionChannels,
  ...reportChannels,
  ...presentingChannels,
  ...trajectoryChannels,
  ...workFormatChannels,
  ...backupChannels,
  ...privacyChannels,
  ...recordChannels,
  ...lanChannels,
};

export type { AppInfo, DemoResult } from './channels/app';
export type { ExportResult } from './channels/reports';

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = Contract[C]['result'];
export const CHANNELS = Object.keys(contract) as Channel[];
