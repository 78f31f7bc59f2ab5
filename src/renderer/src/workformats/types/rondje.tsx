// Rondje: everyone says something in turn.

import { ContributionEntry, ContributionResults } from './contributions';
import type { WorkFormatView } from './view';

export const rondje: WorkFormatView<'rondje'> = { Entry: ContributionEntry, Results: ContributionResults };
