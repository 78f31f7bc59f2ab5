import type { ModuleLibrary, ParsedModule } from '../module-format';
import { channel, none, requiredText, z } from './define';

export const moduleChannels = {
  'modules:list': channel(none).returns<ModuleLibrary>(),
  'modules:reload': channel(none).returns<ModuleLibrary>(),
  'modules:get': channel(z.strictObject({ id: requiredText('De module') })).returns<ParsedModule>(),
};
